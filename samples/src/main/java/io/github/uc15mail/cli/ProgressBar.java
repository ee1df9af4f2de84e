package io.github.uc15mail.cli;

import io.github.uc15mail.mail.SendProgressListener;
import java.io.PrintStream;

/**
 * A one-line progress bar for uploads to the modem, redrawn in place with {@code \r}. Meant for a
 * terminal only: the CLI attaches it when a console is present, never when output goes to a file.
 */
public final class ProgressBar implements SendProgressListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private String current;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onBytes(String item, long written, long total) {
        if (!item.equals(current)) {
            current = item;
            lastPercent = -1;
        }
        int percent = total <= 0 ? 100 : (int) Math.min(100, written * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        out.print("\r" + render(item, written, total));
        if (written >= total) {
            out.println();
        }
        out.flush();
    }

    /** One frame, e.g. {@code readings.csv [#########.....] 64% 3200/5000 B}. */
    static String render(String item, long written, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, written * 100 / total);
        int filled = percent * WIDTH / 100;
        return item + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% " + written + "/"
                + total + " B";
    }
}
