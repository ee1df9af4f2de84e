package io.github.uc15mail.internal.sms;

import io.github.uc15mail.error.internal.Outcomes;
import io.github.uc15mail.error.ModemErrorException.CmsErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.error.ModemNotReadyException.Reason;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.SmsReceipt;
import io.github.uc15mail.mail.SendProgressListener.SubmitGate;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.DataPayload;
import io.github.uc15mail.internal.mail.SessionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMS send on a session whose modem lock the caller holds: {@code AT}, {@code ATE0}, {@code AT+CMEE=1},
 * {@code AT+CMGF=0}, the gate, then per part {@code AT+CMGS=<length>}, the PDU after the {@code > } prompt,
 * and {@code +CMGS: <mr>}. Nothing is re-sent. A failure once a part's Ctrl-Z was written without an answer
 * (timeout, lost link, restart), or after a part was accepted, is marked outcome unknown.
 */
public final class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final AtSession session;
    private final SessionRunner runner;

    public SmsSender(AtSession session) {
        this.session = session;
        this.runner = new SessionRunner(session, null);
    }

    /** Sends {@code text} to {@code to}; {@code reference} numbers the parts of a multipart text. */
    public SmsReceipt send(String to, SmsText text, int reference, SubmitGate gate) {
        sync();
        runner.run(Commands.smsFormat(0));
        List<byte[]> tpdus = SubmitPdu.build(to, text, reference);
        try {
            gate.beforeSubmit();
        } catch (Uc15Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Uc15Exception("the SMS was stopped before AT+CMGS: " + e.getMessage(), e);
        }
        List<Integer> references = new ArrayList<>();
        for (byte[] tpdu : tpdus) {
            AtCommand<?> submit = Commands.smsSubmit(tpdu);
            DataPayload payload = submit.payload().orElseThrow();
            AtomicBoolean handedOver = new AtomicBoolean();
            long whole = payload.length();
            submit = submit.withPayload(payload.withProgress(n -> handedOver.set(n >= whole)));
            try {
                AtResponse response = runner.run(submit);
                references.add(messageReference(response));
                log.debug("SMS part {}/{} to {} accepted", references.size(), tpdus.size(), to);
            } catch (CmsErrorException e) {
                throw e.afterParts(references.size());
            } catch (CommandTimeoutException | TransportClosedException | ModemRestartedException e) {
                if (handedOver.get() || !references.isEmpty()) {
                    Outcomes.markUnknown(e);
                }
                throw e;
            } catch (Uc15Exception e) {
                if (!references.isEmpty()) {
                    Outcomes.markUnknown(e);
                }
                throw e;
            }
        }
        return new SmsReceipt(to, references, text.ucs2(), tpdus.size() > 1 ? reference & 0xFF : -1);
    }

    private void sync() {
        try {
            runner.run(Commands.at());
        } catch (CommandTimeoutException first) {
            try {
                runner.run(Commands.at());
            } catch (CommandTimeoutException e) {
                throw new ModemNotReadyException(Reason.NO_RESPONSE, "the modem does not answer AT", e);
            }
        }
        runner.run(Commands.echo(false));
        runner.run(Commands.cmee(1));
    }

    /** The {@code <mr>} of {@code +CMGS: <mr>[,<scts>]}, or -1 when the modem gave none. */
    static int messageReference(AtResponse response) {
        for (String line : response.lines()) {
            String l = line.strip();
            if (l.startsWith("+CMGS:")) {
                String v = l.substring(6).strip();
                int comma = v.indexOf(',');
                try {
                    return Integer.parseInt(comma >= 0 ? v.substring(0, comma).strip() : v);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
