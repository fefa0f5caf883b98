package kc.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One real OpenSearch 2.19 node in this JVM, for the test suite (started by ops/services.sh).
 *
 * <p>System properties: kc.home (node home; data, logs and config go under it), kc.http.port
 * (9250), kc.transport.port (http + 100), kc.cluster.name (kc-test). Binds 127.0.0.1 only,
 * single-node discovery, no security plugin. Runs until SIGTERM, which closes the node cleanly.
 */
public final class Main {

    /**
     * Modules loaded into the node (OpenSearch ships these as modules/, the runner loads them from
     * the classpath). analysis-common provides lowercase, asciifolding, stemmer, the decompounders,
     * synonym(_graph) and edge_ngram; netty4 provides HTTP. The runner silently skips a module it
     * cannot find, so each one is loaded here first and a missing one stops the start.
     */
    private static final String[] MODULES = {
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "org.opensearch.transport.Netty4Plugin",
        "org.opensearch.index.mapper.MapperExtrasPlugin",
        "org.opensearch.index.reindex.ReindexPlugin",
        "org.opensearch.painless.PainlessPlugin",
    };

    /** Files copied into the node's config dir, where analysis settings name them relatively. */
    private static final String[] CONFIG_FILES = {"analysis/hyphenation_sv.xml"};

    public static void main(String[] args) throws Exception {
        Path home = Paths.get(System.getProperty("kc.home", "opensearch-home")).toAbsolutePath();
        int httpPort = Integer.getInteger("kc.http.port", 9250);
        int transportPort = Integer.getInteger("kc.transport.port", httpPort + 100);
        String clusterName = System.getProperty("kc.cluster.name", "kc-test");

        for (String module : MODULES) {
            Class.forName(module);
        }
        Path configDir = home.resolve("node_1").resolve("config");
        for (String name : CONFIG_FILES) {
            Path target = configDir.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = Main.class.getResourceAsStream("/" + name)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // use http.port as given: fail if taken, never drift to another port
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, "kc-opensearch-shutdown"));

        runner.onBuild((index, settings) -> settings
                .put("node.name", clusterName + "-1")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(home.toString())
                .numOfNode(1)
                .baseHttpPort(httpPort - 1) // the runner gives node n base + n; only for its log line
                .clusterName(clusterName)
                .moduleTypes(String.join(",", MODULES))
                .printOnFailure());
        runner.ensureYellow();
        System.out.println("[kc-opensearch] ready: cluster " + clusterName + ", http://127.0.0.1:" + httpPort
                + ", transport 127.0.0.1:" + transportPort);

        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
