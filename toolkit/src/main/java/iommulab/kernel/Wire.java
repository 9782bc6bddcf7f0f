package iommulab.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The Jupyter wire format (messaging protocol 5.3): identities, {@code <IDS|MSG>}, HMAC-SHA256
 * signature, header, parent header, metadata, content. One instance per kernel; {@link #sign} is
 * thread-safe because each call gets its own {@link Mac}.
 */
final class Wire {
  static final String PROTOCOL_VERSION = "5.3";
  private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  /** A received or outgoing message; {@code ids} are the ZeroMQ routing identities. */
  record Message(List<byte[]> ids, JsonObject header, JsonObject parent, JsonObject metadata, JsonObject content) {
    String type() {
      return header.get("msg_type").getAsString();
    }
  }

  private final byte[] key;
  private final String session = UUID.randomUUID().toString();

  Wire(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads one message, or null when the socket was closed; a bad signature is an exception. */
  Message receive(ZMQ.Socket socket) {
    ZMsg msg = ZMsg.recvMsg(socket);
    if (msg == null) {
      return null;
    }
    List<byte[]> frames = new ArrayList<>();
    msg.forEach(f -> frames.add(f.getData()));
    int delim = 0;
    while (delim < frames.size() && !Arrays.equals(frames.get(delim), DELIMITER)) {
      delim++;
    }
    if (frames.size() < delim + 6) {
      throw new IllegalArgumentException("short Jupyter message: " + frames.size() + " frames");
    }
    String signature = new String(frames.get(delim + 1), StandardCharsets.US_ASCII);
    byte[][] parts = {frames.get(delim + 2), frames.get(delim + 3), frames.get(delim + 4), frames.get(delim + 5)};
    if (key.length > 0
        && !MessageDigest.isEqual(
            sign(parts).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new SecurityException("message with a bad HMAC signature");
    }
    return new Message(
        List.copyOf(frames.subList(0, delim)),
        json(parts[0]),
        json(parts[1]),
        json(parts[2]),
        json(parts[3]));
  }

  /** A new message answering or caused by {@code parent} (which may be null). */
  Message make(String type, Message parent, JsonObject content) {
    JsonObject header = new JsonObject();
    header.addProperty("msg_id", UUID.randomUUID().toString());
    header.addProperty("session", session);
    header.addProperty("username", "iommulab");
    header.addProperty("date", Instant.now().toString());
    header.addProperty("msg_type", type);
    header.addProperty("version", PROTOCOL_VERSION);
    List<byte[]> ids = parent == null ? List.of() : parent.ids();
    return new Message(ids, header, parent == null ? new JsonObject() : parent.header(), new JsonObject(), content);
  }

  /** Sends {@code m}; for IOPub the identities are replaced by the topic (the message type). */
  void send(ZMQ.Socket socket, Message m, boolean iopub) {
    byte[][] parts = {
      bytes(m.header()), bytes(m.parent()), bytes(m.metadata()), bytes(m.content())
    };
    if (iopub) {
      socket.sendMore(m.type().getBytes(StandardCharsets.UTF_8));
    } else {
      for (byte[] id : m.ids()) {
        socket.sendMore(id);
      }
    }
    socket.sendMore(DELIMITER);
    socket.sendMore(sign(parts).getBytes(StandardCharsets.US_ASCII));
    socket.sendMore(parts[0]);
    socket.sendMore(parts[1]);
    socket.sendMore(parts[2]);
    socket.send(parts[3], 0);
  }

  String sign(byte[]... parts) {
    if (key.length == 0) {
      return "";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] p : parts) {
        mac.update(p);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] bytes(JsonObject o) {
    return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject json(byte[] b) {
    var e = JsonParser.parseString(new String(b, StandardCharsets.UTF_8));
    return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }
}
