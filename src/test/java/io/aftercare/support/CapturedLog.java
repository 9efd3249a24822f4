package io.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the application logs while it is open, every level, formatted as a log file would hold it (message,
 * parameters and the whole chain of any exception), for tests that check what must never reach the log.
 */
public final class CapturedLog implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
            line.append(
                    record instanceof ExtLogRecord ext
                            ? ext.getFormattedMessage()
                            : new SimpleFormatter().formatMessage(record));
            for (Throwable failure = record.getThrown(); failure != null; failure = failure.getCause()) {
                line.append(" | ").append(failure);
                if (failure.getCause() == failure) {
                    break;
                }
            }
            synchronized (lines) {
                lines.add(line.toString());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();

    public static CapturedLog start() {
        return new CapturedLog();
    }

    private CapturedLog() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }
}
