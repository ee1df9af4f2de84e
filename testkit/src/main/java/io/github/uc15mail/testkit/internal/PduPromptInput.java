package io.github.uc15mail.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The input after {@code AT+CMGS=<length>}'s {@code > } prompt in PDU mode: hex up to Ctrl-Z submits the SMS,
 * ESC cancels it (TS 27.005, 3.5.1). Modem thread only; knows nothing of the command line around it.
 */
final class PduPromptInput {

    private static final int MAX_PDU_HEX = 2 * 200;

    private final Replies replies;
    private final SmsService sms;
    private final BiConsumer<String, byte[]> record;
    private final BooleanSupplier echo;
    private StringBuilder input;
    private int length;
    private String command;

    PduPromptInput(Replies replies, SmsService sms, BiConsumer<String, byte[]> record, BooleanSupplier echo) {
        this.replies = replies;
        this.sms = sms;
        this.record = record;
        this.echo = echo;
    }

    /** Shows the prompt; the bytes that follow are the PDU of {@code length} octets. */
    void enter(int length) {
        input = new StringBuilder();
        this.length = length;
        replies.prompt();
    }

    boolean active() {
        return input != null;
    }

    /** The command line that opened the prompt, recorded with its PDU once Ctrl-Z or ESC ends the input. */
    void command(String line) {
        command = line;
    }

    /** Drops any open input (a restart). */
    void reset() {
        input = null;
    }

    void onByte(byte b) {
        if (b == 0x1B) {
            String line = command;
            input = null;
            record.accept(line == null ? "AT+CMGS" : line, new byte[0]);
            replies.ok();
            return;
        }
        if (b == 0x1A) {
            String hex = input.toString();
            String line = command;
            input = null;
            // Recorded before the SMS is submitted: a test that saw the SMS arrive sees every command that made it.
            record.accept(line == null ? "AT+CMGS" : line, hex.getBytes(StandardCharsets.US_ASCII));
            replies.hold();
            try {
                sms.submit(length, hex);
            } finally {
                replies.release();
            }
            return;
        }
        if (echo.getAsBoolean()) {
            replies.raw(new byte[] {b});
        }
        if (b == '\r' || b == '\n' || b == ' ') {
            return;
        }
        if (input.length() < MAX_PDU_HEX) {
            input.append((char) (b & 0xFF));
        }
    }
}
