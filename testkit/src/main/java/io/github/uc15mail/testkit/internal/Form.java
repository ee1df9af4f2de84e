package io.github.uc15mail.testkit.internal;

/** The four forms of an AT command: test {@code =?}, read {@code ?}, write {@code =...}, execute (bare). */
public enum Form {
    EXEC, TEST, READ, WRITE
}
