#!/usr/bin/python3
"""Writes the hostile bundles used by BundleTest. Run from this directory: /usr/bin/python3 make-hostile.py"""
import struct
import zipfile
import zlib

MANIFEST = b'{"schema": "iommulab-record", "schema_version": 1, "id": "evil", "runs": []}\n'


def bundle(name, entries):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", MANIFEST)
        for info, data in entries:
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def unix(name, mode):
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


bundle("dotdot.zip", [(zipfile.ZipInfo("runs/../../escaped.txt"), b"x")])
bundle("absolute.zip", [(zipfile.ZipInfo("/tmp/iommulab-absolute.txt"), b"x")])
bundle("symlink.zip", [(unix("runs/r001/stdout.txt", 0o120777), b"/etc/passwd")])
bundle("fifo.zip", [(unix("runs/r001/stdout.txt", 0o010644), b"")])
with zipfile.ZipFile("duplicate.zip", "w") as z:
    z.writestr("manifest.json", MANIFEST)
    z.writestr("runs/r001/stdout.txt", b"first")
    z.writestr("runs/r001/stdout.txt", b"second")
bundle("case.zip", [(zipfile.ZipInfo("runs/a.txt"), b"a"), (zipfile.ZipInfo("runs/A.txt"), b"A")])
bundle("backslash.zip", [(zipfile.ZipInfo("runs\\..\\..\\x.txt"), b"x")])
bundle("bomb.zip", [(zipfile.ZipInfo("runs/r001/stdout.txt", (2026, 1, 1, 0, 0, 0)), bytes(64 << 20))])
bundle("big.zip", [(zipfile.ZipInfo("runs/r001/stdout.txt"), b"y" * 4096)])
with zipfile.ZipFile("no-manifest.zip", "w") as z:
    z.writestr("runs/r001/stdout.txt", b"x")

# An entry whose central directory understates its size: it must be stopped while inflating.
data = b"z" * 10000
with zipfile.ZipFile("lying-size.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("manifest.json", MANIFEST)
    z.writestr("runs/r001/stdout.txt", data)
raw = bytearray(open("lying-size.zip", "rb").read())
cd = raw.rfind(b"PK\x01\x02")
struct.pack_into("<I", raw, cd + 24, 100)
lh = raw.find(b"PK\x03\x04", 1)
struct.pack_into("<I", raw, lh + 22, 100)
open("lying-size.zip", "wb").write(bytes(raw))
