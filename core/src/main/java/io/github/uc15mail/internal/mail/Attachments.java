package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachments in the modem's RAM: {@link #leftovers()} removes what earlier sends of this SDK left and
 * refuses names taken by files it did not upload; the upload step checks the free RAM, uploads each file
 * after its marker and verifies it, and afterwards deletes them once the SMTP service is idle.
 */
final class Attachments implements SendStep {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    /** The step that lists the RAM files, removes marked leftovers and refuses foreign names. */
    static SendStep leftovers() {
        return new SendStep() {
            @Override
            public SendPhase phase() {
                return SendPhase.CONFIGURE;
            }

            @Override
            public void run(SendContext c) {
                if (c.warm && c.draft.attachments().isEmpty()
                        && c.state.ourFiles().stream().allMatch(SmtpSettings.CA_FILE::equals)) {
                    return; // warm, and this SDK left nothing since the last listing: nothing to list
                }
                c.files.removeLeftovers();
                c.files.refuseForeignNames(c.draft.attachments().stream().map(Attachment::name).toList());
            }
        };
    }

    @Override
    public SendPhase phase() {
        return SendPhase.UPLOAD;
    }

    @Override
    public void run(SendContext c) {
        List<Attachment> attachments = c.draft.attachments();
        if (attachments.isEmpty()) {
            return;
        }
        c.files.checkSpace(attachments.stream().mapToLong(a -> a.payload().length()).sum(), attachments.size());
        for (Attachment a : attachments) {
            c.files.uploadMarked(a.name(), a.payload(), (written, total) -> c.progress(a.name(), written, total));
        }
    }

    @Override
    public void cleanup(SendContext c, List<RuntimeException> problems) {
        if (!c.files.uploadedAny()) {
            return;
        }
        if (c.content.clearAfter(c.exchange, problems)) {
            c.files.deleteUploaded(problems);
        } else {
            log.warn("the SMTP service is still busy; this send's files stay until the next send finds them");
        }
    }
}
