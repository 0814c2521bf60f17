package vaeexplorer.core.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code classes.txt} file: UTF-8 text with one class name per line, the name of label 0 first. Names are trimmed,
 * empty lines at the end are ignored; an empty line before the last name or a repeated name is an error.
 */
public final class ClassNamesFile {
    /** The usual file name inside a data folder. */
    public static final String NAME = "classes.txt";
    /** The largest class names file read: 255 names of up to 4 KiB each. */
    static final long MAX_BYTES = 1 << 20;

    private ClassNamesFile() {
    }

    /** Reads the class names in file. */
    public static List<String> read(Path file) throws DataException {
        if (RegularFile.size(file) > MAX_BYTES)
            throw new DataException(DataProblem.UNREADABLE, file, "more than " + (MAX_BYTES >> 10) + " KiB is not a list of "
                    + "class names");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DataException(DataProblem.CLASSES_NOT_UTF8, file);
        } catch (IOException e) {
            throw new DataException(e, DataProblem.UNREADABLE, file, e.getMessage());
        }
        List<String> names = new ArrayList<>();
        for (String line : lines) names.add(line.replace("\uFEFF", "").trim());
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) names.remove(names.size() - 1);
        if (names.isEmpty()) throw new DataException(DataProblem.CLASSES_EMPTY, file);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isEmpty()) throw new DataException(DataProblem.CLASSES_EMPTY_LINE, file, i + 1);
            Integer first = seen.putIfAbsent(n, i + 1);
            if (first != null)
                throw new DataException(DataProblem.CLASSES_REPEATED, file, i + 1, n, first);
        }
        return List.copyOf(names);
    }

    /** The names "0", "1", ... up to maxLabel. */
    public static List<String> numbered(int maxLabel) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= maxLabel; i++) names.add(Integer.toString(i));
        return List.copyOf(names);
    }
}
