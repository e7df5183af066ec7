package org.telehealth.scheduling.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Everything the service logs while it is open, at every level its categories let through, as text
 * with stack traces: for tests that check that no PHI reaches the log.
 */
public final class CapturedLog implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    /** Category, message with its parameters filled in, and the stack trace of any exception. */
    private final Formatter format = new PatternFormatter("%c: %s%e");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String line = format.format(record);
            synchronized (lines) {
                lines.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static CapturedLog open() {
        return new CapturedLog();
    }

    /** The lines logged so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** All lines logged so far, as one text. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
