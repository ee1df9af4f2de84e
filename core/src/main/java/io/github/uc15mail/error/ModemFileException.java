package io.github.uc15mail.error;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import java.util.Optional;

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

    /**
     * A send refused its attachments before uploading any byte of them, because the modem's RAM file system
     * cannot take them: a file of the same name that this SDK did not upload is there (the SDK never deletes
     * such a file, and the email would show the name of the file it attaches, so it cannot pick another), or
     * the modem reports less free RAM than the attachments need. Nothing of the email was sent.
     *
     * <p>{@link #reason()} says which; the message names the file or the sizes. Not retryable as it stands;
     * another modem may take it ({@link #isModemFault()} is true unless the attachments exceed the modem's whole
     * RAM file system).
     */
    public static class AttachmentRefusedException extends Uc15Exception {

        /** Why the attachments were refused. */
        public enum Reason {
            /** {@code RAM:<name>} exists and has no marker of this SDK. */
            NAME_IN_USE,
            /** The attachments need more bytes than the modem's RAM file system has free. */
            NOT_ENOUGH_RAM,
            /** The attachments need more bytes than the modem's RAM file system holds at all. */
            TOO_BIG_FOR_RAM
        }

        private final Reason reason;

        public AttachmentRefusedException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
