package dev.investigator.model;

public enum CauseKind {
    /** A downstream dependency failed and the service's faults trace back to it. */
    DOWNSTREAM_FAILURE,
    /** A deploy or change shortly before the first symptom. */
    DEPLOYMENT,
    /** A new or regressed error in the service's own code. */
    NEW_ERROR,
    /** Traffic rose far above its baseline and the service degraded under it. */
    TRAFFIC_SURGE,
    /** Something changed, and no evidence says why: the first change is reported. */
    UNEXPLAINED
}
