package vaeexplorer.core.data.idx;

import java.util.zip.ZipException;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;

/**
 * Bad gzip data, with its {@link DataProblem} (a {@code GZIP_} one, or {@link DataProblem#EMPTY_FILE}) and the detail
 * of the decompressor, if any; the message is the problem's English without the file name, which the stream does not
 * know ({@link IdxReader} adds it).
 */
final class GzipDataException extends ZipException {
    private static final long serialVersionUID = 1L;

    final DataProblem problem;
    /** The decompressor's detail, or null. */
    final String detail;

    GzipDataException(DataProblem problem) {
        this(problem, null);
    }

    GzipDataException(DataProblem problem, String detail) {
        super(withoutFile(problem, detail));
        this.problem = problem;
        this.detail = detail;
    }

    private static String withoutFile(DataProblem problem, String detail) {
        String m = detail == null ? problem.format("") : problem.format("", detail);
        return m.startsWith(": ") ? m.substring(2) : m;
    }

    /** The exception for a file called name. */
    DataException named(String name) {
        return detail == null ? new DataException(this, problem, name) : new DataException(this, problem, name, detail);
    }
}
