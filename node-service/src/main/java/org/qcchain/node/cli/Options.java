package org.qcchain.node.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfigLoader;

/**
 * The {@code --name value} (or {@code --name=value}) options of one command, checked against the
 * names it accepts, so a misspelt option is a usage error rather than silently ignored.
 */
final class Options {

    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    static Options parse(String command, List<String> args, Set<String> accepted) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; see qcchain " + command + " --help");
            }
            String value = equals > 0 ? arg.substring(equals + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, value);
        }
        return new Options(command, values);
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required; see qcchain " + command + " --help");
        }
        return value;
    }

    /**
     * The data folder: {@code --data}, else {@code dataDir} of {@code --config} / {@code
     * QCCHAIN_CONFIG} and {@code QCCHAIN_DATA_DIR}, as {@code start} would use it.
     */
    Path dataDir(Map<String, String> env) throws ConfigException {
        if (values.containsKey("--data")) {
            return Path.of(values.get("--data"));
        }
        String file = values.getOrDefault("--config", env.get("QCCHAIN_CONFIG"));
        return Path.of(NodeConfigLoader.load(file == null || file.isBlank() ? null : Path.of(file), env).dataDir());
    }
}
