package io.github.uc15mail.mail;

import java.util.List;

/**
 * What a successful SMS send did: the network accepted every part ({@code +CMGS: <mr>} for each).
 * It does not say the phone received it: SMS delivery is asynchronous and unconfirmed here.
 *
 * @param to the recipient
 * @param messageReferences the module's message reference of each part, in order
 * @param ucs2 whether the text went as UCS2
 * @param concatReference the reference in the concatenation header, or -1 for a single part
 */
public record SmsReceipt(String to, List<Integer> messageReferences, boolean ucs2, int concatReference) {

    public SmsReceipt {
        messageReferences = List.copyOf(messageReferences);
    }

    /** How many parts went. */
    public int parts() {
        return messageReferences.size();
    }
}
