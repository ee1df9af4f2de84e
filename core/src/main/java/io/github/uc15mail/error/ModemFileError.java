package io.github.uc15mail.error;

import java.util.Optional;

/**
 * The file-system error codes of Quectel's file commands ({@code AT+QFUPL}, {@code AT+QFDEL}, {@code AT+QFLST},
 * {@code AT+QFLDS}), as they appear in {@code +CME ERROR: <err>}. The SDK uses these commands for attachments, which
 * it uploads to the modem's small RAM file system ({@code RAM:}) before the send.
 *
 * <p>The codes and meanings are those of Quectel's FILE AT Commands manuals of the UC20 / EC2x family, which share
 * the UC15's file commands; the UC15 SMTP manual itself lists none, and only 407 (file exists) is confirmed on a UC15.
 * A 4xx code outside this table is not mapped: {@link #of(int)} returns empty and the exception keeps the number.
 */
public enum ModemFileError {
    INVALID_INPUT(400, "invalid input value", "look at the refused command in the AT traffic (CLI: --verbose)", false),
    BEYOND_FILE_SIZE(401, "larger than the size of the file", "report it: the SDK never reads past a file's end", false),
    READ_ZERO_BYTES(402, "read zero bytes", "retry; if it persists, power-cycle the modem", true),
    DRIVE_FULL(403, "drive full", "the modem's RAM file system is full: send fewer or smaller attachments", false),
    FILE_NOT_FOUND(405, "file not found", "retry: the file the send needs was gone from the modem's RAM", true),
    INVALID_FILE_NAME(406, "invalid file name", "rename the attachment (printable ASCII, no \" / \\ : * ?)", false),
    FILE_EXISTS(407, "file already exists", "retry: the next send deletes what earlier sends left in RAM:", true),
    WRITE_FAILED(409, "failed to write the file", "retry; if it persists, power-cycle the modem", true),
    OPEN_FAILED(410, "failed to open the file", "retry; if it persists, power-cycle the modem", true),
    READ_FAILED(411, "failed to read the file", "retry; if it persists, power-cycle the modem", true),
    TOO_MANY_OPEN_FILES(413, "too many files open", "retry later: another program on the modem holds files open", true),
    READ_ONLY(414, "the file is read-only", "rename the attachment: a read-only file of that name is on the modem", false),
    INVALID_DESCRIPTOR(416, "invalid file descriptor", "retry; if it persists, power-cycle the modem", true),
    LIST_FAILED(417, "failed to list the files", "retry; if it persists, power-cycle the modem", true),
    DELETE_FAILED(418, "failed to delete the file", "retry; if it persists, power-cycle the modem", true),
    DISK_INFO_FAILED(419, "failed to get the disk information", "retry; if it persists, power-cycle the modem", true),
    NO_SPACE(420, "no space left", "the modem's RAM file system is full: send fewer or smaller attachments", false),
    TIMEOUT(421, "time out", "the upload stalled: retry, and check the serial line (baud rate, flow control)", true),
    FILE_TOO_LARGE(423, "file too large", "the attachment is too big for the modem's small RAM file system: "
            + "send a smaller or compressed file", false),
    INVALID_PARAMETER(425, "invalid parameter", "look at the refused command in the AT traffic (CLI: --verbose)", false),
    FILE_ALREADY_OPEN(426, "file already opened", "retry later: another program on the modem has the file open", true);

    private final int code;
    private final String meaning;
    private final String hint;
    private final boolean retryable;

    ModemFileError(int code, String meaning, String hint, boolean retryable) {
        this.code = code;
        this.meaning = meaning;
        this.hint = hint;
        this.retryable = retryable;
    }

    /** The number in {@code +CME ERROR: <err>}. */
    public int code() {
        return code;
    }

    /** What the code means, as Quectel's file manuals describe it. */
    public String meaning() {
        return meaning;
    }

    /** What a user can do about it, in one clause. */
    public String hint() {
        return hint;
    }

    /** Whether the same send may succeed if tried again later, unchanged. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The constant for {@code code}, or empty when the code is not in the table. */
    public static Optional<ModemFileError> of(int code) {
        for (ModemFileError e : values()) {
            if (e.code == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
