package org.qcchain.node.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Environment variables that override configuration keys, for containers and service managers
 * where editing the file is awkward. A value is read as the type of the key it overrides.
 */
final class EnvOverrides {

    /** Variable name to the JSON Pointer of the key it sets. */
    static final Map<String, String> VARIABLES = variables();

    private EnvOverrides() {}

    /**
     * Sets the keys named by the variables present in {@code env}.
     *
     * @param config the merged configuration tree, changed in place
     * @param env the environment
     * @throws ConfigException if a value does not fit its key's type
     */
    static void apply(ObjectNode config, Map<String, String> env) throws ConfigException {
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            String value = env.get(variable.getKey());
            if (value == null) {
                continue;
            }
            JsonPointer pointer = JsonPointer.compile(variable.getValue());
            // a section absent from the defaults (ledger.fabric) is made by its first variable
            ObjectNode parent = config.withObject(pointer.head());
            String field = pointer.last().getMatchingProperty();
            parent.set(field, typed(variable.getKey(), value.strip(), parent.get(field)));
        }
    }

    private static JsonNode typed(String variable, String value, JsonNode current)
            throws ConfigException {
        if (current != null && current.isIntegralNumber()) {
            try {
                return IntNode.valueOf(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new ConfigException("environment variable " + variable
                        + " must be an integer, was '" + value + "'", e);
            }
        }
        if (current != null && current.isBoolean()) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigException("environment variable " + variable
                        + " must be true or false, was '" + value + "'");
            }
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("QCCHAIN_DATA_DIR", "/dataDir");
        variables.put("QCCHAIN_HTTP_HOST", "/http/host");
        variables.put("QCCHAIN_HTTP_PORT", "/http/port");
        variables.put("QCCHAIN_CRYPTO_SUITE", "/cryptoSuite");
        variables.put("QCCHAIN_LEDGER_BACKEND", "/ledger/backend");
        variables.put("QCCHAIN_LEDGER_VERIFY_REPLAY", "/ledger/verifyReplay");
        variables.put("QCCHAIN_FABRIC_GATEWAY_ENDPOINT", "/ledger/fabric/gatewayEndpoint");
        variables.put("QCCHAIN_FABRIC_TLS_ROOT_CERTIFICATE", "/ledger/fabric/tlsRootCertificate");
        variables.put("QCCHAIN_FABRIC_HOSTNAME_OVERRIDE", "/ledger/fabric/hostnameOverride");
        variables.put("QCCHAIN_FABRIC_CHANNEL", "/ledger/fabric/channel");
        variables.put("QCCHAIN_FABRIC_CHAINCODE", "/ledger/fabric/chaincode");
        variables.put("QCCHAIN_FABRIC_MSP_ID", "/ledger/fabric/mspId");
        variables.put("QCCHAIN_FABRIC_MSP_DIRECTORY", "/ledger/fabric/mspDirectory");
        variables.put("QCCHAIN_TLS_ENABLED", "/tls/enabled");
        variables.put("QCCHAIN_TLS_CERTIFICATE", "/tls/certificate");
        variables.put("QCCHAIN_TLS_PRIVATE_KEY", "/tls/privateKey");
        variables.put("QCCHAIN_TLS_CLIENT_AUTH", "/tls/clientAuth");
        variables.put("QCCHAIN_MAX_BODY_BYTES", "/limits/maxBodyBytes");
        variables.put("QCCHAIN_MAX_BULK_BODY_BYTES", "/limits/maxBulkBodyBytes");
        variables.put("QCCHAIN_MAX_PAGE_SIZE", "/limits/maxPageSize");
        variables.put("QCCHAIN_DEFAULT_PAGE_SIZE", "/limits/defaultPageSize");
        variables.put("QCCHAIN_MAX_CLOCK_SKEW_SECONDS", "/auth/maxClockSkewSeconds");
        variables.put("QCCHAIN_NONCE_CACHE_SIZE", "/auth/nonceCacheSize");
        return Collections.unmodifiableMap(variables);
    }
}
