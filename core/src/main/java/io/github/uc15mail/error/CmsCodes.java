package io.github.uc15mail.error;

import io.github.uc15mail.error.Fault.FaultKind;
import java.util.Map;
import java.util.Set;

/**
 * The {@code +CMS ERROR} codes (3GPP TS 27.005, 3.2.5: 300-500) and the relay causes a module passes through
 * (0-127 RP causes of TS 24.011, 8.2.5.4; 128-255 TP-FCS of TS 23.040, 9.2.3.22), with how each is to be
 * treated. An unknown code is the modem's.
 */
final class CmsCodes {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "unassigned number"), Map.entry(8, "operator determined barring"),
            Map.entry(10, "call barred"), Map.entry(21, "short message transfer rejected"),
            Map.entry(27, "destination out of service"), Map.entry(28, "unidentified subscriber"),
            Map.entry(29, "facility rejected"), Map.entry(30, "unknown subscriber"),
            Map.entry(38, "network out of order"), Map.entry(41, "temporary failure"),
            Map.entry(42, "congestion"), Map.entry(47, "resources unavailable"),
            Map.entry(50, "requested facility not subscribed"), Map.entry(69, "requested facility not implemented"),
            Map.entry(81, "invalid short message reference value"), Map.entry(95, "invalid message"),
            Map.entry(96, "invalid mandatory information"), Map.entry(97, "message type non-existent"),
            Map.entry(98, "message not compatible with protocol state"), Map.entry(111, "protocol error"),
            Map.entry(127, "interworking unspecified"),
            Map.entry(300, "ME failure"), Map.entry(301, "SMS service of ME reserved"),
            Map.entry(302, "operation not allowed"), Map.entry(303, "operation not supported"),
            Map.entry(304, "invalid PDU mode parameter"), Map.entry(305, "invalid text mode parameter"),
            Map.entry(310, "SIM not inserted"), Map.entry(311, "SIM PIN required"),
            Map.entry(312, "PH-SIM PIN required"), Map.entry(313, "SIM failure"), Map.entry(314, "SIM busy"),
            Map.entry(315, "SIM wrong"), Map.entry(316, "SIM PUK required"), Map.entry(320, "memory failure"),
            Map.entry(321, "invalid memory index"), Map.entry(322, "memory full"),
            Map.entry(330, "SMSC address unknown"), Map.entry(331, "no network service"),
            Map.entry(332, "network timeout"), Map.entry(340, "no +CNMA acknowledgement expected"),
            Map.entry(500, "unknown error"));

    /** The network's temporary trouble: retryable. */
    private static final Set<Integer> NETWORK = Set.of(38, 41, 42, 47, 331, 332);
    /** This message or its recipient refused: permanent. */
    private static final Set<Integer> MESSAGE = Set.of(1, 8, 10, 21, 28, 29, 30, 50, 81, 95, 96, 97, 111, 304, 305);
    /** The modem's fault that may pass (busy SIM, memory, a glitch). */
    private static final Set<Integer> TRANSIENT_MODEM = Set.of(300, 314, 320, 500);

    private CmsCodes() {}

    static FaultKind kind(int code) {
        if (NETWORK.contains(code)) {
            return FaultKind.NETWORK;
        }
        if (MESSAGE.contains(code) || code >= 128 && code <= 255) {
            // 128-255: the service centre's TP-failure cause for this very PDU (TS 23.040, 9.2.3.22).
            return FaultKind.MESSAGE;
        }
        return FaultKind.MODEM;
    }

    /** Whether the code is worth trying again later: the network's, or a {@link FaultKind#MODEM} code that may pass. */
    static boolean retryable(int code) {
        FaultKind kind = kind(code);
        return kind == FaultKind.NETWORK || kind == FaultKind.MODEM && transientModem(code);
    }

    /** Whether a {@link FaultKind#MODEM} code is worth trying again on the same modem later. */
    static boolean transientModem(int code) {
        return TRANSIENT_MODEM.contains(code);
    }

    /** A short name of the code, or "unknown code". */
    static String describe(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        if (code >= 128 && code <= 255) {
            return "TP failure cause 0x" + Integer.toHexString(code).toUpperCase(java.util.Locale.ROOT);
        }
        return "unknown code";
    }
}
