package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.ModemFileException.AttachmentRefusedException;
import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemErrorException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.DataPayload;
import io.github.uc15mail.at.internal.QfuplChecksum;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's files in the modem's RAM file system, in one place: markers, verified uploads, the listing, the
 * free-space check and deletion.
 *
 * <p>Before it uploads {@code RAM:<name>}, a send writes a 1-byte marker {@code RAM:uc15mail-own-<name>}
 * ({@link #MARKER_PREFIX}). Cleanup deletes the file, then its marker (a marker outlives a file it could not
 * delete). A file with a marker found later was left by a send that crashed or could not clean up, and both
 * are deleted; a file without a marker is never deleted.
 */
final class RamFiles {

    private static final Logger log = LoggerFactory.getLogger(RamFiles.class);
    /**
     * Prefix of the marker file a send writes before uploading attachment {@code RAM:<name>}:
     * {@code RAM:uc15mail-own-<name>} marks that file as this SDK's, so only such files are ever deleted.
     */
    static final String MARKER_PREFIX = "RAM:uc15mail-own-";
    private static final byte[] MARKER_CONTENT = "uc15mail".getBytes(StandardCharsets.US_ASCII);

    /** Progress of an upload: bytes written of total. */
    interface Progress {
        void onBytes(long written, long total);
    }

    private final StepRunner exchange;
    private final ModemState state;
    /** The files and markers this send uploaded (or began to), in upload order. */
    private final List<String> uploaded = new ArrayList<>();
    /** The RAM files listed at the start of the send, after leftovers were removed. */
    private final Set<String> existing = new HashSet<>();

    RamFiles(StepRunner exchange, ModemState state) {
        this.exchange = exchange;
        this.state = state;
    }

    static String ramName(String attachmentName) {
        return "RAM:" + attachmentName;
    }

    static String markerOf(String attachmentName) {
        return MARKER_PREFIX + attachmentName;
    }

    boolean uploadedAny() {
        return !uploaded.isEmpty();
    }

    /**
     * Lists the RAM files and deletes every file with a marker and the marker itself (left by a send that
     * did not clean up). Runs only once the SMTP service is idle. A failed listing is logged and tolerated.
     *
     * @return the files deleted
     */
    List<String> removeLeftovers() {
        existing.clear();
        try {
            exchange.query(Replies.ramFiles()).forEach(f -> existing.add(f.name()));
        } catch (CmeErrorException | ModemErrorException e) {
            log.warn("listing the RAM files failed ({}); leftovers of earlier sends stay until a later send", e.getMessage());
        }
        List<String> deleted = new ArrayList<>();
        for (String marker : List.copyOf(existing)) {
            if (!marker.startsWith(MARKER_PREFIX)) {
                continue;
            }
            String file = "RAM:" + marker.substring(MARKER_PREFIX.length());
            if (existing.remove(file)) {
                log.info("deleting {}, left by an earlier send that did not finish its cleanup", file);
                if (deleteQuietly(file)) {
                    deleted.add(file);
                }
            }
            if (deleteQuietly(marker)) {
                deleted.add(marker);
            }
            existing.remove(marker);
        }
        return deleted;
    }

    /** Refuses attachments whose RAM name is taken by a file this SDK did not upload (it is never deleted). */
    void refuseForeignNames(Collection<String> attachmentNames) {
        for (String name : attachmentNames) {
            String file = ramName(name);
            if (existing.contains(file)) {
                throw new AttachmentRefusedException(AttachmentRefusedException.Reason.NAME_IN_USE, "attachment "
                        + name + ": the modem already holds " + file + ", which this SDK did not upload (no marker "
                        + markerOf(name) + "); it is left alone. Rename the attachment or delete the file with AT+QFDEL");
            }
        }
    }

    /**
     * Refuses attachments that need more bytes than the modem reports free in RAM ({@code AT+QFLDS="RAM"});
     * a modem that does not answer the query is not checked.
     */
    void checkSpace(long attachmentBytes, int files) {
        long needed = attachmentBytes + (long) files * MARKER_CONTENT.length;
        Optional<Replies.Space> space;
        try {
            space = exchange.query(Replies.ramSpace());
        } catch (CmeErrorException | ModemErrorException e) {
            log.debug("the modem did not report its free RAM ({}); not checked", e.getMessage());
            return;
        }
        if (space.isEmpty() || needed <= space.get().free()) {
            return;
        }
        Replies.Space s = space.get();
        boolean never = needed > s.total();
        throw new AttachmentRefusedException(never ? AttachmentRefusedException.Reason.TOO_BIG_FOR_RAM
                : AttachmentRefusedException.Reason.NOT_ENOUGH_RAM, String.format("attachments: need %d bytes in"
                + " the modem's RAM (%d of attachments in %d file(s) and their markers), but it has %d bytes free of %d"
                + " (AT+QFLDS=\"RAM\"); nothing was uploaded", needed, attachmentBytes, files, s.free(), s.total()));
    }

    /** Writes the marker of {@code name}, then uploads {@code payload} to {@code RAM:<name>}, verified. */
    void uploadMarked(String name, DataPayload payload, Progress progress) {
        String marker = markerOf(name);
        uploaded.add(marker);
        uploadVerified(marker, DataPayload.ofBytes(MARKER_CONTENT), null);
        String file = ramName(name);
        uploaded.add(file);
        uploadVerified(file, payload, progress);
    }

    /**
     * Uploads {@code source} to {@code file} in ACK mode and checks the size and checksum the modem reports;
     * {@code progress} may be null.
     */
    void uploadVerified(String file, DataPayload source, Progress progress) {
        exchange.checkCancelled();
        long length = source.length();
        QfuplChecksum checksum = new QfuplChecksum();
        DataPayload payload = DataPayload.ofStream(() -> new CheckedStream(source.open(), checksum), length);
        if (progress != null) {
            payload = payload.withProgress(written -> progress.onBytes(written, length));
        }
        state.fileWritten(file);
        Replies.UploadResult r = exchange.query(Replies.upload(file, payload));
        if (!exchange.isLive()) {
            return;
        }
        if (r.size() != length || r.checksum() != checksum.value()) {
            throw new Uc15Exception(String.format("upload of %s damaged: the modem stored %d bytes with checksum %x,"
                    + " the SDK sent %d bytes with checksum %x", file, r.size(), r.checksum(), length, checksum.value()));
        }
    }

    /** Deletes {@code file}; true if the modem deleted it, false if it was not there to delete. */
    boolean deleteQuietly(String file) {
        try {
            exchange.run(Commands.deleteFile(file));
            state.fileDeleted(file);
            return true;
        } catch (CmeErrorException | ModemErrorException e) {
            log.debug("{} was not there to delete", file);
            return false;
        }
    }

    /** Deletes this send's files, then the markers of those that are gone (a marker outlives its file). */
    void deleteUploaded(List<RuntimeException> problems) {
        CommandRunner runner = exchange.runner;
        Set<String> kept = new HashSet<>();
        boolean uncertain = false;
        for (String file : uploaded) {
            if (file.startsWith(MARKER_PREFIX)) {
                continue;
            }
            try {
                runner.run(Commands.deleteFile(file));
                state.fileDeleted(file);
            } catch (CmeErrorException e) {
                // Never uploaded (the usual case), or the modem would not delete it: the listing tells.
                log.debug("{} was not deleted ({})", file, e.getMessage());
                kept.add(file);
                uncertain = true;
            } catch (RuntimeException e) {
                problems.add(e);
                kept.add(file);
            }
        }
        if (uncertain) {
            try {
                Set<String> listed = new LinkedHashSet<>();
                runner.query(Replies.ramFiles()).forEach(f -> listed.add(f.name()));
                kept.retainAll(listed);
            } catch (RuntimeException e) {
                log.debug("could not list the RAM files ({}); markers kept", e.getMessage());
            }
        }
        for (String marker : uploaded) {
            if (!marker.startsWith(MARKER_PREFIX)) {
                continue;
            }
            String file = "RAM:" + marker.substring(MARKER_PREFIX.length());
            if (kept.contains(file)) {
                log.warn("{} could not be deleted; its marker stays, so the next send deletes it", file);
                continue;
            }
            state.fileDeleted(file);
            try {
                runner.run(Commands.deleteFile(marker));
                state.fileDeleted(marker);
            } catch (CmeErrorException e) {
                log.debug("{} was not there to delete ({})", marker, e.getMessage());
                state.fileDeleted(marker);
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
    }

    /** Computes the checksum while streaming, and stops the upload when the caller cancels. */
    private final class CheckedStream extends FilterInputStream {
        private final QfuplChecksum checksum;

        CheckedStream(InputStream in, QfuplChecksum checksum) {
            super(in);
            this.checksum = checksum;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (exchange.isCancelled()) {
                throw new IOException("send cancelled");
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                checksum.update(b, off, n);
            }
            return n;
        }
    }
}
