package dev.switchboard.gateway.resilience;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * A Reactor {@link Scheduler} on the Netty event loop that serves an exchange, so that a timer started and cancelled
 * while serving it stays on that thread: Netty keeps such timers in its own queue, without locks or waking another
 * thread. The schedulers only delegate to the event loops, which Reactor Netty owns: they are never disposed here.
 */
class EventLoopSchedulers {

    private final Map<EventLoop, Scheduler> byEventLoop = new ConcurrentHashMap<>();

    /** The scheduler of the exchange's event loop; Reactor's parallel scheduler when it is not served by Netty. */
    Scheduler of(ServerWebExchange exchange) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (!(nativeRequest instanceof Connection connection)) {
            return Schedulers.parallel();
        }
        EventLoop eventLoop = connection.channel().eventLoop();
        Scheduler scheduler = byEventLoop.get(eventLoop);
        return scheduler != null ? scheduler
                : byEventLoop.computeIfAbsent(eventLoop, loop -> Schedulers.fromExecutorService(loop, "route-time-limit"));
    }
}
