package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Writes a {@link SimTrace} as an X-Ray {@code TraceSummary}, with root causes the way X-Ray derives them: the
 * entity path from the root service to the (remote) entity where the exception happened.
 */
final class TraceSummaryWriter {

    private final Json json;

    TraceSummaryWriter(Json json) {
        this.json = json;
    }

    ObjectNode write(SimTrace t) {
        ObjectNode o = json.object();
        o.put("Id", t.id());
        o.set("StartTime", Json.epochSeconds(t.start()));
        o.put("Duration", t.responseTime());
        o.put("ResponseTime", t.responseTime());
        o.put("HasFault", t.fault());
        o.put("HasError", t.error());
        o.put("HasThrottle", t.throttle());
        o.put("IsPartial", false);
        ObjectNode http = o.putObject("Http");
        http.put("HttpURL", t.url());
        http.put("HttpStatus", t.status());
        http.put("HttpMethod", t.method());
        http.put("UserAgent", t.userAgent());
        http.put("ClientIp", t.clientIp());
        o.putObject("Annotations");
        o.putArray("Users");
        ArrayNode serviceIds = o.putArray("ServiceIds");
        serviceId(serviceIds.addObject(), t.service(), SimTrace.SERVICE_TYPE);
        for (SimTrace.Call c : t.calls()) {
            serviceId(serviceIds.addObject(), c.target(), c.targetType());
        }
        o.putArray("ResourceARNs");
        o.putArray("InstanceIds");
        o.putArray("AvailabilityZones").addObject().put("Name", "ap-northeast-1a");
        serviceId(o.putObject("EntryPoint"), t.service(), SimTrace.SERVICE_TYPE);
        ArrayNode faults = o.putArray("FaultRootCauses");
        ArrayNode errors = o.putArray("ErrorRootCauses");
        ArrayNode slow = o.putArray("ResponseTimeRootCauses");
        if (t.fault()) {
            rootCause(faults, t, culprit(t, true));
        } else if (t.error() || t.throttle()) {
            rootCause(errors, t, culprit(t, false));
        }
        responseTimeCause(slow, t);
        o.put("Revision", 1);
        o.set("MatchedEventTime", Json.epochSeconds(t.start()));
        return o;
    }

    /** The downstream call that caused the fault (or error), if any; else the root service itself is to blame. */
    private static Optional<SimTrace.Call> culprit(SimTrace t, boolean fault) {
        if (fault && t.ownException() != null) {
            return Optional.empty();
        }
        return t.calls().stream()
                .filter(c -> c.exception() != null && (fault ? c.fault() || c.throttle() : c.error() || c.throttle()))
                .findFirst();
    }

    private void rootCause(ArrayNode into, SimTrace t, Optional<SimTrace.Call> call) {
        ObjectNode cause = into.addObject();
        ObjectNode service = cause.putArray("Services").addObject();
        serviceId(service, t.service(), SimTrace.SERVICE_TYPE);
        ArrayNode path = service.putArray("EntityPath");
        ObjectNode root = path.addObject();
        root.put("Name", t.service());
        ArrayNode rootExceptions = root.putArray("Exceptions");
        if (call.isPresent()) {
            SimTrace.Call c = call.get();
            ObjectNode entity = path.addObject();
            entity.put("Name", c.target());
            ObjectNode e = entity.putArray("Exceptions").addObject();
            e.put("Name", c.exception().name());
            e.put("Message", c.exception().message());
            entity.put("Remote", true);
        } else if (t.ownException() != null) {
            ObjectNode e = rootExceptions.addObject();
            e.put("Name", t.ownException().name());
            e.put("Message", t.ownException().message());
        }
        service.put("Inferred", false);
        cause.put("ClientImpacting", true);
    }

    /** Where a slow request spent its time: the service itself (a regression) or one long downstream call. */
    private void responseTimeCause(ArrayNode into, SimTrace t) {
        String entity = null;
        double coverage = 0;
        boolean remote = false;
        if (t.slowCoverage() > 0) {
            coverage = t.slowCoverage();
        } else if (t.responseTime() > 1.0) {
            for (SimTrace.Call c : t.calls()) {
                if (c.duration() / t.responseTime() > 0.5) {
                    entity = c.target();
                    coverage = Math.round(c.duration() / t.responseTime() * 100) / 100.0;
                    remote = true;
                }
            }
        }
        if (coverage == 0) {
            return;
        }
        ObjectNode cause = into.addObject();
        ObjectNode service = cause.putArray("Services").addObject();
        serviceId(service, t.service(), SimTrace.SERVICE_TYPE);
        ArrayNode path = service.putArray("EntityPath");
        ObjectNode root = path.addObject();
        root.put("Name", t.service());
        if (entity == null) {
            root.put("Coverage", coverage);
            root.put("Remote", false);
        } else {
            ObjectNode e = path.addObject();
            e.put("Name", entity);
            e.put("Coverage", coverage);
            e.put("Remote", remote);
        }
        service.put("Inferred", false);
        cause.put("ClientImpacting", true);
    }

    static void serviceId(ObjectNode o, String name, String type) {
        o.put("Name", name);
        o.putArray("Names").add(name);
        if (SimTrace.SERVICE_TYPE.equals(type)) {
            o.put("AccountId", SimTrace.ACCOUNT); // only our own instrumented services belong to the account
        }
        o.put("Type", type);
    }
}
