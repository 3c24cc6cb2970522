package org.qcchain.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the shim's logging to itself.
 *
 * <p>{@code ContractRouter}'s constructor ({@code ChaincodeBase.initializeLogging}) rewrites the
 * process's logging: it sets every root handler to level {@code ALL} with its own formatter, sets
 * the JVM-wide {@code SimpleFormatter} format, and sets the shim's loggers to INFO, after which
 * every transaction logs several INFO lines ("Got invoke routing request"). Around the
 * construction this class mutes the shim's INFO records, then restores the root handlers and the
 * format property, and sets the {@code org.hyperledger} loggers to WARNING. Errors (a contract
 * throwing something other than {@code ChaincodeException}) are still logged at SEVERE.
 */
final class ShimLogging {

    private static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    /** Held strongly: a logger nobody references can be collected and lose its level. */
    private static final Logger HYPERLEDGER = Logger.getLogger("org.hyperledger");

    /** The loggers the shim gives an explicit level; cleared so they inherit WARNING. */
    private static final List<String> SHIM_LOGGERS =
            List.of("org.hyperledger.fabric.shim", "org.hyperledger.fabric.contract");

    private final List<HandlerState> handlers = new ArrayList<>();
    private final String format;

    private ShimLogging() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handlers.add(new HandlerState(handler, handler.getLevel(), handler.getFormatter(),
                    handler.getFilter()));
            handler.setFilter(muteShimInfo(handler.getFilter()));
        }
        format = System.getProperty(FORMAT_PROPERTY);
    }

    /** Remembers the root handlers and mutes the shim's INFO records until {@link #restore()}. */
    static ShimLogging mute() {
        return new ShimLogging();
    }

    /** Sets the shim's loggers to WARNING; call after the router is constructed. */
    static void quietShimLoggers() {
        HYPERLEDGER.setLevel(Level.WARNING);
        SHIM_LOGGERS.forEach(name -> Logger.getLogger(name).setLevel(null));
    }

    /** Puts back the root handlers' level, formatter and filter, and the format property. */
    void restore() {
        for (HandlerState state : handlers) {
            state.handler().setLevel(state.level());
            state.handler().setFormatter(state.formatter());
            state.handler().setFilter(state.filter());
        }
        if (format == null) {
            System.clearProperty(FORMAT_PROPERTY);
        } else {
            System.setProperty(FORMAT_PROPERTY, format);
        }
    }

    private static Filter muteShimInfo(Filter previous) {
        return record -> {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            boolean shim = name.isEmpty() || name.startsWith("org.hyperledger");
            if (shim && record.getLevel().intValue() < Level.WARNING.intValue()) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        };
    }

    private record HandlerState(Handler handler, Level level, Formatter formatter, Filter filter) {}
}
