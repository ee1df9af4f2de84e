package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.Commands;

/** Writes recipients, subject, body and the attachment list into the modem's content buffer. */
final class Compose implements SendStep {

    /** The {@code <input_time>} of {@code AT+QSMTPBODY}: 90 s plus the body's time at 960 bytes/s. */
    static int bodyInputTime(int bodyBytes) {
        return (int) Math.min(65535, 90 + bodyBytes / 960);
    }

    @Override
    public SendPhase phase() {
        return SendPhase.COMPOSE;
    }

    @Override
    public void run(SendContext c) {
        EmailDraft draft = c.draft;
        StepRunner x = c.exchange;
        for (EmailDraft.Recipient r : draft.recipients()) {
            x.run(Commands.addRecipient(r.type().code(), r.address()));
        }
        if (draft.subjectCharset() == MailCharset.ASCII) {
            x.run(Commands.subjectAscii(draft.subject()));
        } else {
            x.run(Commands.subjectEncoded(draft.subjectCharset().code(), draft.subjectBytes()));
        }
        byte[] body = draft.bodyBytes();
        if (body.length > 0) {
            x.checkCancelled();
            AtCommand<Long> query = Replies.body(draft.bodyCharset().code(), body, bodyInputTime(body.length));
            query = query.withPayload(query.payload().orElseThrow()
                    .withProgress(written -> c.progress("body", written, body.length)));
            long taken = x.query(query);
            if (taken != body.length) {
                throw new Uc15Exception("the modem took " + taken + " of the " + body.length + " body bytes");
            }
        }
        int index = 1;
        for (Attachment a : draft.attachments()) {
            x.run(Commands.addAttachment(index++, RamFiles.ramName(a.name())));
        }
    }
}
