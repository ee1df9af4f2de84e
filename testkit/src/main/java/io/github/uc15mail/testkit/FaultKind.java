package io.github.uc15mail.testkit;

/**
 * The kinds of fault an emulator counts each time one really changed what the host saw
 * ({@link Faults#injected(FaultKind)}): a test proves its fault was injected by asserting the count.
 */
public enum FaultKind {
    /** A command answered {@code ERROR} by {@link Faults#errorOn}. */
    ERROR,
    /** A command answered {@code +CME ERROR} by {@link Faults#cmeErrorOn}. */
    CME_ERROR,
    /** A command's echo and reply swallowed by {@link Faults#silenceNext}. */
    SILENCE,
    /** Garbage written ({@link Faults#garbage}, or before a reply by {@link Faults#garbageBeforeNextReply}). */
    GARBAGE,
    /** A write split into pieces ({@link Faults#chunkReplies}, {@link Faults#randomChunks}). */
    CHUNKS,
    /** One noise URC written ({@link Faults#urcNoise}). */
    URC_NOISE,
    /** A restart instead of a command ({@link Faults#resetOnNth}). */
    RESET,
    /** The link dropped instead of a command ({@link Faults#closeLinkOnNext}). */
    CLOSE_LINK,
    /** An {@link Faults#onNth} action run. */
    HOOK,
    /** A send's result forced ({@link Faults#forcePutResult}). */
    FORCED_RESULT,
    /** A reply held back ({@link Faults#replyDelay}). */
    REPLY_DELAY,
    /** A send's URC held back ({@link Faults#putResultDelay}). */
    PUT_RESULT_DELAY,
    /** Bytes paced ({@link Faults#lineSpeed}). */
    LINE_SPEED,
    /** Registration lost ({@link Faults#noRegistration}). */
    NO_REGISTRATION,
    /** A PDP context dropped by the network ({@link Faults#dropPdp}). */
    PDP_DROPPED,
    /** A send failed with 654 ({@link Faults#smtpUnreachable}). */
    SMTP_UNREACHABLE,
    /** A send started late ({@link Faults#smtpSlow}). */
    SMTP_SLOW,
    /** The module powered off ({@link Faults#powerOff}). */
    POWER_OFF,
    /** The SIM taken out ({@link Faults#removeSim}). */
    SIM_REMOVED,
    /** An SMS part answered {@code +CMS ERROR} ({@link Faults#cmsErrorOn}). */
    CMS_ERROR
}
