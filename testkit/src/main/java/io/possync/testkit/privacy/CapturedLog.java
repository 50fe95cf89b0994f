package io.possync.testkit.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A JUnit 5 extension that records every line a logger (and those below it) writes during one test, at
 * DEBUG, and puts the logger back as it was afterwards — so a test can search the log for what must
 * not be there. Needs Logback on the test class path (testkit declares it optional).
 *
 * <pre>{@code
 * @RegisterExtension
 * final CapturedLog log = CapturedLog.atDebug("io.possync");
 *
 * assertThat(PersonalDataCheck.leaks(log.messages(), values)).isEmpty();
 * }</pre>
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level before;

    private CapturedLog(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    }

    /** Records {@code loggerName} and everything below it at DEBUG during each test. */
    public static CapturedLog atDebug(String loggerName) {
        return new CapturedLog(loggerName);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before = logger.getLevel();
        appender.list.clear();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        logger.setLevel(before);
        appender.stop();
    }

    /** Each line's formatted message, in the order written. */
    public List<String> messages() {
        return List.copyOf(appender.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Each line's formatted message followed by the message of the exception it carries, if any. */
    public List<String> messagesWithExceptions() {
        return List.copyOf(appender.list).stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }
}
