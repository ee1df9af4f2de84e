package io.github.uc15mail.at;

/**
 * An unsolicited result code and its place in the stream: {@code sequence} grows by one for every line
 * the session receives, so comparing it with {@link AtResponse#finalSequence()} tells whether the URC
 * arrived after a command's final result (and so cannot be left over from before it).
 */
public record Urc(String line, long sequence) {
    @Override
    public String toString() {
        return io.github.uc15mail.at.internal.AtText.mask(line);
    }
}
