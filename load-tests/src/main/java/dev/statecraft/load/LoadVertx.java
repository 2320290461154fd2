package dev.statecraft.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * Vert.x as the load tools use it: one event loop and no pools beside it, so a tool takes as little as it can of
 * the cores it shares with the system it measures.
 */
public final class LoadVertx {
    private LoadVertx() {
    }

    public static Vertx oneLoop() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    }

    /** A client keeping up to {@code connections} connections alive; requests beyond them queue unbounded. */
    public static HttpClient keptAliveClient(Vertx vertx, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }
}
