package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.qcchain.common.auth.RequestVerifier;
import org.qcchain.node.auth.NonceCache;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.chaincode.model.Role;
import org.qcchain.node.auth.RoleGuard;
import org.qcchain.node.auth.SignedDataRequestHandler;
import org.qcchain.node.auth.SignedRequestHandler;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.metrics.HttpMetrics;

/**
 * The node's routes, each a chain: route label → [JSON content type] → authentication → role
 * guard → action. Every route here is in {@code openapi/qcchain.yaml}, and a test checks the two
 * agree. Routes added by later features go through {@link #mount}.
 */
final class NodeRouter {

    private final NodeConfig config;
    private final HttpMetrics metrics;
    private final Router router;
    private final SignedRequestHandler authentication;
    private final SignedDataRequestHandler dataRequestAuthentication;
    private final NodeServices services;
    private final OrganisationDirectory directory;

    NodeRouter(Vertx vertx, NodeConfig config, OrganisationDirectory directory, HttpMetrics metrics,
            NonceCache nonces, NodeServices services) {
        this.config = config;
        this.services = services;
        this.directory = directory;
        this.metrics = metrics;
        this.router = Router.router(vertx);
        RequestVerifier verifier = RequestVerifier.create(config.cryptoSuite(),
                Duration.ofSeconds(config.auth().maxClockSkewSeconds()));
        this.authentication = new SignedRequestHandler(verifier, directory, nonces, Clock.systemUTC());
        this.dataRequestAuthentication = new SignedDataRequestHandler(authentication, verifier, nonces, Clock.systemUTC());
    }

    Router build() {
        ProblemHandler problems = new ProblemHandler();
        router.route().handler(new RequestObserver(metrics));
        // the body is read for every route: a signature covers it even where it should be empty
        router.route().handler(new BodyLimits(config.limits()));
        router.route().failureHandler(problems);
        router.errorHandler(404, problems);
        router.errorHandler(405, problems);
        router.errorHandler(500, problems);

        mount(HttpMethod.GET, "/health", List.of(new HealthHandler(config, services)));
        mount(HttpMethod.GET, "/metrics", List.of(new MetricsHandler(metrics)));
        mount(HttpMethod.GET, "/openapi.yaml", List.of(new OpenApiHandler()));
        mount(HttpMethod.GET, "/v1/whoami",
                List.of(authentication, RoleGuard.anyRole(), new WhoAmIHandler()));
        mount(HttpMethod.POST, "/v1/echo", List.of(new JsonContentType(), authentication,
                RoleGuard.anyRole(), new EchoHandler(config.cryptoSuite())));
        mount(HttpMethod.GET, "/v1/node", List.of(authentication,
                RoleGuard.anyOf(Role.OPERATOR, Role.AUDITOR), new NodeInfoHandler(config, services)));
        mount(HttpMethod.POST, "/v1/data-requests", List.of(new JsonContentType(), dataRequestAuthentication,
                RoleGuard.anyOf(Role.CONSUMER), new DataRequestHandler(services)));
        mount(HttpMethod.GET, "/v1/access-records", List.of(authentication,
                RoleGuard.anyOf(Role.AUDITOR, Role.CONSUMER, Role.PROVIDER, Role.IDENTITY_PROVIDER),
                new AccessRecordsHandler(services, config.limits())));
        mount(HttpMethod.GET, "/v1/blocks/{n}", List.of(authentication,
                RoleGuard.anyOf(Role.AUDITOR, Role.OPERATOR), new BlockHandler(services)));
        mount(HttpMethod.GET, "/v1/transactions/{txId}", List.of(authentication,
                RoleGuard.anyOf(Role.AUDITOR, Role.OPERATOR), new TransactionHandler(services)));
        mount(HttpMethod.POST, "/v1/ledger/verify", List.of(authentication,
                RoleGuard.anyOf(Role.AUDITOR, Role.OPERATOR), new LedgerVerifyHandler(services)));
        mount(HttpMethod.GET, "/v1/organisations", List.of(authentication, RoleGuard.anyRole(),
                RegistryListHandler.organisations(services, config.limits())));
        mount(HttpMethod.GET, "/v1/datasets", List.of(authentication, RoleGuard.anyRole(),
                RegistryListHandler.datasets(services, config.limits())));
        mount(HttpMethod.GET, "/v1/consents", List.of(authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER, Role.AUDITOR), new ConsentsBySubjectHandler(services, config.limits())));
        mount(HttpMethod.POST, "/v1/consents", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new ConsentGrantHandler(services)));
        mount(HttpMethod.POST, "/v1/consents/{id}/pause", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new ConsentPauseHandler(services)));
        mount(HttpMethod.POST, "/v1/consents/{id}/resume", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new ConsentResumeHandler(services)));
        mount(HttpMethod.POST, "/v1/consents/{id}/revoke", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new ConsentRevokeHandler(services)));
        mount(HttpMethod.POST, "/v1/datasets/{id}/records", List.of(new UploadContentType(), authentication,
                RoleGuard.anyOf(Role.PROVIDER), new RecordUploadHandler(services)));
        mount(HttpMethod.GET, "/v1/datasets/{id}/anchors", List.of(authentication, RoleGuard.anyRole(),
                new DatasetAnchorListHandler(services, config.limits())));
        mount(HttpMethod.POST, "/v1/datasets/{id}/anchors", List.of(authentication,
                RoleGuard.anyOf(Role.PROVIDER), new DatasetAnchorsHandler(services)));
        mount(HttpMethod.POST, "/v1/datasets/{id}/batches", List.of(authentication,
                RoleGuard.anyOf(Role.PROVIDER), new DatasetBatchesHandler(services)));
        mount(HttpMethod.POST, "/v1/datasets/{id}/batches/{batchId}/anchor", List.of(new JsonContentType(),
                authentication, RoleGuard.anyOf(Role.PROVIDER),
                new BatchAnchorHandler(services, directory, Clock.systemUTC())));
        mountAgreements();
        mountSubjectRoutes();
        return router;
    }

    /** The agreement routes: consumers ask, providers decide, either party ends; parties and overseers read. */
    private void mountAgreements() {
        RoleGuard readers = RoleGuard.anyOf(Role.CONSUMER, Role.PROVIDER, Role.OPERATOR, Role.AUDITOR);
        mount(HttpMethod.GET, "/v1/agreements", List.of(authentication, readers,
                new AgreementListHandler(services, config.limits())));
        mount(HttpMethod.POST, "/v1/agreements", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.CONSUMER), new AgreementRequestHandler(services)));
        mount(HttpMethod.GET, "/v1/agreements/{id}", List.of(authentication, readers,
                new AgreementGetHandler(services)));
        mount(HttpMethod.POST, "/v1/agreements/{id}/approve", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.PROVIDER), new AgreementApproveHandler(services)));
        mount(HttpMethod.POST, "/v1/agreements/{id}/reject", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.PROVIDER), new AgreementRejectHandler(services)));
        mount(HttpMethod.POST, "/v1/agreements/{id}/terminate", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.CONSUMER, Role.PROVIDER), new AgreementTerminateHandler(services)));
    }

    /**
     * The data subject's own routes, for identity providers: identifiers travel in POST bodies,
     * never in URLs, and the node pseudonymises them.
     */
    private void mountSubjectRoutes() {
        mount(HttpMethod.POST, "/v1/subjects/records", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new SubjectRecordsHandler(services)));
        mount(HttpMethod.POST, "/v1/subjects/consents", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new SubjectConsentsHandler(services, config.limits())));
        mount(HttpMethod.POST, "/v1/subjects/access-records", List.of(new JsonContentType(), authentication,
                RoleGuard.anyOf(Role.IDENTITY_PROVIDER), new SubjectAccessRecordsHandler(services, config.limits())));
    }

    /**
     * Adds a route whose handlers run in order, labelled with its template for the metrics.
     *
     * @param method the HTTP method
     * @param template the path template, as in the OpenAPI file
     * @param chain the handlers, authentication and guards first
     */
    void mount(HttpMethod method, String template, List<Handler<RoutingContext>> chain) {
        // OpenAPI writes parameters as {name}, Vert.x as :name
        String path = template.replaceAll("\\{(\\w+)}", ":$1");
        Route route = router.route(method, path).handler(RequestObserver.routeLabel(template));
        chain.forEach(route::handler);
    }

}
