package io.github.uc15mail.error;

/**
 * The modem's file system refused a file command with one of the codes of {@link ModemFileError} (for example
 * {@code +CME ERROR: 423}, file too large, when an attachment does not fit the modem's RAM).
 *
 * <p>It is a {@link CmeErrorException}, so code that handles those keeps working; {@link #fileError()} says which
 * file error it was, {@link #hint()} what to do, and {@link #isRetryable()} whether trying the same send again
 * later can help (a full file system does not empty itself; a stalled upload may go through). It says nothing
 * about which file the modem meant beyond the {@link #command() command}.
 */
public class ModemFileException extends CmeErrorException {

    private final ModemFileError fileError;

    public ModemFileException(String command, ModemFileError fileError) {
        super(command, fileError.code(), String.valueOf(fileError.code()),
                "the modem's file system answered +CME ERROR: " + fileError.code() + " (" + fileError.meaning()
                        + ") to " + command);
        this.fileError = fileError;
    }

    /** Which file error the modem reported. */
    public ModemFileError fileError() {
        return fileError;
    }

    /** What the code means. */
    public String meaning() {
        return fileError.meaning();
    }

    /** What a user can do about it. */
    public String hint() {
        return fileError.hint();
    }

    /** {@code 423 file too large}. */
    public String summary() {
        return fileError.code() + " " + fileError.meaning();
    }
}
