package io.github.uc15mail.gateway.internal.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.command.BdatCommand;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.util.SMTPResponseHelper;
import org.subethamail.smtp.server.Session;

/**
 * {@code BDAT} (RFC 3030) that hands the message on only when every chunk arrived whole. The library's own
 * command ends the message early when the connection drops inside a chunk, so a truncated message would be
 * stored; here a short chunk is an {@link EOFException}: the handler stores nothing and the session ends.
 */
final class WholeBdatCommand extends BaseCommand {

    private final LineDeadlines deadlines;

    WholeBdatCommand(LineDeadlines deadlines) {
        super("BDAT", "A sequence of BDAT chunks is collected as the data of the message.");
        this.deadlines = deadlines;
    }

    @Override
    public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
        if (!sess.isMailTransactionInProgress()) {
            sess.sendResponse("503 5.5.1 Error: need MAIL command");
            return;
        } else if (sess.getRecipientCount() == 0) {
            sess.sendResponse("503 5.5.1 Error: need RCPT command");
            return;
        }
        BdatCommand.Bdat bdat = BdatCommand.parse(commandString);
        if (bdat.errorMessage != null) {
            sess.sendResponse(bdat.errorMessage);
            return;
        }
        InputStream stream = new Chunks(sess, bdat.size, bdat.isLast);
        String reply;
        try {
            reply = sess.getMessageHandler().data(stream);
            stream.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (DropConnectionException e) {
            throw e;
        } catch (RejectException e) {
            sess.sendResponse(e.getErrorResponse());
            return;
        }
        sess.sendResponse(reply != null ? SMTPResponseHelper.buildResponse("250", reply) : "250 Ok");
        sess.resetMailTransaction();
    }

    /** The chunks' bytes in order; a chunk cut short by the end of the connection is an error, not the end. */
    private final class Chunks extends InputStream {
        private final Session session;
        private long remaining;
        private long size;
        private boolean last;
        private long sinceMark;

        Chunks(Session session, long size, boolean last) {
            this.session = session;
            this.remaining = size;
            this.size = size;
            this.last = last;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (remaining == 0) {
                if (last) {
                    return -1;
                }
                nextChunk();
            }
            int n = session.getRawInput().read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the connection ended " + remaining + " bytes before the end of a BDAT chunk");
            }
            remaining -= n;
            sinceMark += n;
            if (sinceMark >= 998) {
                sinceMark = 0;
                deadlines.lineDone(session.getRealRemoteAddress());
            }
            return n;
        }

        private void nextChunk() throws IOException {
            session.sendResponse("250 2.0.0 " + size + " bytes received");
            deadlines.lineDone(session.getRealRemoteAddress());
            String line = session.getReader().readLine();
            if (line == null) {
                throw new EOFException("the connection ended before the last BDAT chunk");
            }
            deadlines.lineDone(session.getRealRemoteAddress());
            if (!line.regionMatches(true, 0, "BDAT ", 0, 5)) {
                String message = "503 5.5.1 Error: expected BDAT, got another command inside a BDAT message";
                session.sendResponse(message);
                throw new IOException(message);
            }
            BdatCommand.Bdat next = BdatCommand.parse(line);
            if (next.errorMessage != null) {
                session.sendResponse(next.errorMessage);
                throw new IOException(next.errorMessage);
            }
            remaining = next.size;
            size = next.size;
            last = next.isLast;
        }
    }
}
