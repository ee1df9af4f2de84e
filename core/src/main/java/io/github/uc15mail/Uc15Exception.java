package io.github.uc15mail;

/**
 * The base of every exception the SDK throws or completes a future with at run time. Invalid input is
 * reported earlier, before anything reaches the modem, as an {@link IllegalArgumentException}.
 *
 * <p>Messages never contain the SMTP or APN password.
 */
public class Uc15Exception extends RuntimeException {

    public Uc15Exception(String message) {
        super(message);
    }

    public Uc15Exception(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same operation may succeed if tried again later. */
    public boolean isRetryable() {
        return false;
    }
}
