package io.github.uc15mail.error;

/**
 * What kind of failure a modem or SMTP error code describes, grouped by what a caller can do about it.
 */
public enum ErrorCategory {
    /** The modem could not say (651) or the code is not one the SDK knows. */
    UNKNOWN,
    /** The SMTP service is busy with an upload or a send (652): wait and try again. */
    BUSY,
    /** The server name did not resolve (653): check the host name and the PDP context. */
    DNS,
    /** PDP, TCP connect or transfer failed, or the peer closed the link (654, 656, 657). */
    NETWORK,
    /** The modem gave up waiting (658). */
    TIMEOUT,
    /** Unsupported authentication, access denied or bad credentials (655, 676, 677). */
    AUTHENTICATION,
    /** The server refused a recipient or mailbox (667, 678-681). */
    RECIPIENT,
    /** The email had no recipient (659). */
    NO_RECIPIENT,
    /** An attachment file could not be opened, stored or fit in memory (661-663). */
    ATTACHMENT,
    /** The modem rejected a parameter (664). */
    INVALID_PARAMETER,
    /** TLS negotiation or certificate verification failed (665). */
    TLS,
    /** The send failed (660) or the server refused it for another reason (666, 668-675, 682). */
    SEND_FAILED
}
