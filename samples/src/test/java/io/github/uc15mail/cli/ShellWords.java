package io.github.uc15mail.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the shell lines of a documentation block into simple commands and their words, as sh would: quotes,
 * backslash-newline continuations, comments, and the operators {@code && || | ;} between commands. A process
 * substitution {@code <(...)} stays one word. Enough for reading commands, not for running them.
 */
final class ShellWords {

    private ShellWords() {}

    static List<List<String>> commands(String text) {
        String joined = text.replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < joined.length()) {
                    word.append(joined.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (depth > 0) {
                word.append(c);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (c == '<' && i + 1 < joined.length() && joined.charAt(i + 1) == '(') {
                word = word == null ? new StringBuilder() : word;
                word.append("<(");
                depth = 1;
                i++;
            } else if (c == '#' && word == null) {
                while (i < joined.length() && joined.charAt(i) != '\n') {
                    i++;
                }
                i--;
            } else if (c == '\\' && i + 1 < joined.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(joined.charAt(++i));
            } else if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '\n' || c == ';' || c == '|' || c == '&') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (!words.isEmpty()) {
                    commands.add(words);
                    words = new ArrayList<>();
                }
                if (i + 1 < joined.length() && (joined.charAt(i + 1) == '&' || joined.charAt(i + 1) == '|')) {
                    i++;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }
}
