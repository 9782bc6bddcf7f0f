package iommulab.parse;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.NoKeysAvailableException;
import tech.tablesaw.columns.strings.NullDictionaryMap;
import tech.tablesaw.selection.Selection;

/**
 * Storage of the {@code folded} column: the text of row i is {@code stacks.get(i).folded()}, made
 * from the stack's interned frames when the row is read. 200,000 stacks of ~500 characters would
 * otherwise be ~100 MB of strings built, hashed and copied by the garbage collector during the parse,
 * although most uses (flame graphs, {@link Stack#frames()}) never read them.
 *
 * <p>Reads of single rows ({@code get}, {@code isMissing}, {@code size}) stay lazy; any other
 * operation (filters, sorting, counting, appending, setting) first turns the column into Tablesaw's
 * own plain (non-dictionary) string storage holding every row's text, and delegates from then on, so
 * the column behaves exactly like any other {@code StringColumn}.
 */
final class StackFoldedData implements DictionaryMap {
  private final List<Stack> stacks;
  private DictionaryMap materialized;

  StackFoldedData(List<Stack> stacks) {
    this.stacks = stacks;
  }

  private DictionaryMap all() {
    if (materialized == null) {
      NullDictionaryMap map = new NullDictionaryMap(new ByteDictionaryMap());
      try {
        for (Stack s : stacks) {
          map.append(s.folded());
        }
      } catch (NoKeysAvailableException e) {
        throw new IllegalStateException("plain string storage has no key limit", e);
      }
      materialized = map;
    }
    return materialized;
  }

  @Override
  public int size() {
    return materialized != null ? materialized.size() : stacks.size();
  }

  @Override
  public String getValueForIndex(int rowIndex) {
    return materialized != null ? materialized.getValueForIndex(rowIndex) : stacks.get(rowIndex).folded();
  }

  @Override
  public String get(int index) {
    return getValueForIndex(index);
  }

  @Override
  public boolean isMissing(int rowIndex) {
    return getValueForIndex(rowIndex).isEmpty();
  }

  @Override
  public Iterator<String> iterator() {
    return all().iterator();
  }

  @Override
  public void sortDescending() {
    all().sortDescending();
  }

  @Override
  public void sortAscending() {
    all().sortAscending();
  }

  @Override
  public int getKeyAtIndex(int rowNumber) {
    return all().getKeyAtIndex(rowNumber);
  }

  @Override
  public String getValueForKey(int key) {
    return all().getValueForKey(key);
  }

  @Override
  public int countOccurrences(String value) {
    return all().countOccurrences(value);
  }

  @Override
  public Set<String> asSet() {
    return all().asSet();
  }

  @Override
  public int getKeyForIndex(int i) {
    return all().getKeyForIndex(i);
  }

  @Override
  public int firstIndexOf(String value) {
    return all().firstIndexOf(value);
  }

  @Override
  public String[] asObjectArray() {
    return all().asObjectArray();
  }

  @Override
  public Selection selectIsIn(String... strings) {
    return all().selectIsIn(strings);
  }

  @Override
  public Selection selectIsIn(Collection<String> strings) {
    return all().selectIsIn(strings);
  }

  @Override
  public void append(String value) throws NoKeysAvailableException {
    all().append(value);
  }

  @Override
  public void set(int rowIndex, String stringValue) throws NoKeysAvailableException {
    all().set(rowIndex, stringValue);
  }

  @Override
  public void clear() {
    all().clear();
  }

  @Override
  public int countUnique() {
    return all().countUnique();
  }

  @Override
  public Table countByCategory(String columnName) {
    return all().countByCategory(columnName);
  }

  @Override
  public Selection isEqualTo(String string) {
    return all().isEqualTo(string);
  }

  @Override
  public List<BooleanColumn> getDummies() {
    return all().getDummies();
  }

  @Override
  public byte[] asBytes(int rowNumber) {
    return all().asBytes(rowNumber);
  }

  @Override
  public int countMissing() {
    return all().countMissing();
  }

  @Override
  public void appendMissing() {
    all().appendMissing();
  }

  @Override
  public DictionaryMap promoteYourself() {
    return all().promoteYourself();
  }

  @Override
  public int nextKeyWithoutIncrementing() {
    return all().nextKeyWithoutIncrementing();
  }

  @Override
  public boolean canPromoteToText() {
    return all().canPromoteToText();
  }
}
