package dev.switchboard.collector.api;

import dev.switchboard.collector.state.ServiceStatus;
import java.util.List;

/**
 * Current state of one service and its instances.
 *
 * @param service service name
 * @param status verdict from its instances
 * @param instancesUp instances UP
 * @param instancesTotal instances known
 * @param instances each instance
 */
public record ServiceView(String service, ServiceStatus status, int instancesUp, int instancesTotal,
                          List<InstanceView> instances) {
}
