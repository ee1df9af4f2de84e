package io.github.uc15mail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The files of a SQLite outbox ({@code sqlite:PATH}): whether this user may write them, and, for root, giving the
 * files root created back to the owner of their directory (the service user), so the service can still write
 * its own outbox after {@code sendmail} ran as root.
 */
record SqliteFiles(Path db) {

    /** The files of {@code store}, or null when it is not a {@code sqlite:} store. */
    static SqliteFiles of(String store) {
        if (store == null || !store.startsWith("sqlite:") || store.length() == "sqlite:".length()) {
            return null;
        }
        return new SqliteFiles(Path.of(store.substring("sqlite:".length())).toAbsolutePath());
    }

    /** Whether this user can write the database and create its journal files next to it. */
    boolean writable() {
        Path dir = db.getParent();
        return dir != null && Files.isDirectory(dir) && Files.isWritable(dir)
                && (!Files.exists(db) || Files.isWritable(db));
    }

    /** As root: hands the database and its -wal/-shm files to the directory's owner and group. */
    void giveBackToDirectoryOwner() {
        try {
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(me)) {
                return;
            }
            Path dir = db.getParent();
            Object uid = Files.getAttribute(dir, "unix:uid");
            Object gid = Files.getAttribute(dir, "unix:gid");
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Path f = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setAttribute(f, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(f, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a Unix file system, or no /proc: nothing to give back
        }
    }
}
