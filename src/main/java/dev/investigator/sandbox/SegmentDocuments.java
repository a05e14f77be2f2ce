package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment documents of a {@link SimTrace}, as X-Ray stores them: the root service's segment with one
 * subsegment per downstream call, plus a segment for each callee (inferred for un-instrumented ones). Fields
 * follow the segment document reference: fault/error/throttle flags, cause.exceptions, http, aws, sql.
 */
final class SegmentDocuments {

    /** One document: its id and its JSON text (X-Ray returns documents as strings inside JSON). */
    record Document(String id, String text) {
    }

    private final Json json;

    SegmentDocuments(Json json) {
        this.json = json;
    }

    List<Document> of(SimTrace t) {
        List<Document> documents = new ArrayList<>();
        ObjectNode root = json.object();
        root.put("id", t.rootSegmentId());
        root.put("name", t.service());
        root.set("start_time", Json.epochSeconds(t.start()));
        root.set("end_time", Json.epochSeconds(t.end()));
        root.put("trace_id", t.id());
        root.put("origin", SimTrace.SERVICE_TYPE);
        ObjectNode http = root.putObject("http");
        ObjectNode request = http.putObject("request");
        request.put("method", t.method());
        request.put("url", t.url());
        request.put("user_agent", t.userAgent());
        request.put("client_ip", t.clientIp());
        http.putObject("response").put("status", t.status());
        flags(root, t.fault(), t.error(), t.status() == 429);
        if (t.ownException() != null) {
            cause(root, t.ownException(), t.rootSegmentId(), false);
        }
        ObjectNode aws = root.putObject("aws");
        aws.putObject("ecs").put("container", t.service() + "-" + t.rootSegmentId().substring(0, 8))
                .put("cluster_arn", "arn:aws:ecs:ap-northeast-1:" + SimTrace.ACCOUNT + ":cluster/main");
        aws.putObject("xray").put("sdk", "X-Ray for Java").put("sdk_version", "2.18.2");
        ArrayNode subsegments = root.putArray("subsegments");
        for (SimTrace.Call c : t.calls()) {
            Instant start = t.start().plusMillis(Math.round(c.offset() * 1000));
            Instant end = start.plusMillis(Math.round(c.duration() * 1000));
            ObjectNode s = subsegments.addObject();
            s.put("id", c.subsegmentId());
            s.put("name", c.namespace().equals("aws") ? "DynamoDB" : c.target());
            s.set("start_time", Json.epochSeconds(start));
            s.set("end_time", Json.epochSeconds(end));
            s.put("namespace", c.namespace());
            describe(s, c);
            flags(s, c.fault(), c.error(), c.throttle());
            if (c.exception() != null) {
                cause(s, c.exception(), c.subsegmentId(), true);
            }
            documents.add(callee(t, c, start, end));
        }
        documents.add(0, new Document(t.rootSegmentId(), json.string(root)));
        return documents;
    }

    /** The callee's own segment: real for an instrumented service, inferred otherwise. */
    private Document callee(SimTrace t, SimTrace.Call c, Instant start, Instant end) {
        ObjectNode d = json.object();
        d.put("id", c.segmentId());
        d.put("name", c.target());
        d.set("start_time", Json.epochSeconds(start));
        d.set("end_time", Json.epochSeconds(end));
        d.put("parent_id", c.subsegmentId());
        if (!c.instrumented()) {
            d.put("inferred", true);
        }
        d.put("trace_id", t.id());
        d.put("origin", c.targetType());
        describe(d, c);
        flags(d, c.fault(), c.error(), c.throttle());
        return new Document(c.segmentId(), json.string(d));
    }

    private static void describe(ObjectNode o, SimTrace.Call c) {
        if (c.namespace().equals("aws")) {
            ObjectNode aws = o.putObject("aws");
            aws.put("operation", c.operation());
            aws.put("table_name", c.target());
            aws.put("region", "ap-northeast-1");
            aws.putArray("resource_names").add(c.target());
            aws.put("retries", c.throttle() ? 3 : 0);
        } else if (c.targetType().equals("Database::SQL")) {
            ObjectNode sql = o.putObject("sql");
            sql.put("url", "jdbc:postgresql://" + c.target() + ".cluster-ro.ap-northeast-1.rds.amazonaws.com:5432/app");
            sql.put("database_type", "PostgreSQL");
            sql.put("database_version", "15.6");
        }
        if (c.url() != null || c.status() > 0) {
            ObjectNode http = o.putObject("http");
            if (c.url() != null) {
                http.putObject("request").put("method", c.method()).put("url", c.url());
            }
            if (c.status() > 0) {
                http.putObject("response").put("status", c.status());
            }
        }
    }

    private static void flags(ObjectNode o, boolean fault, boolean error, boolean throttle) {
        if (fault) {
            o.put("fault", true);
        }
        if (error) {
            o.put("error", true);
        }
        if (throttle) {
            o.put("throttle", true);
        }
    }

    private static void cause(ObjectNode o, SimTrace.Failure failure, String idSource, boolean remote) {
        ObjectNode cause = o.putObject("cause");
        cause.put("working_directory", "/app");
        ObjectNode e = cause.putArray("exceptions").addObject();
        e.put("id", idSource.substring(8) + idSource.substring(0, 8));
        e.put("message", failure.message());
        e.put("type", failure.name());
        if (remote) {
            e.put("remote", true);
        }
    }
}
