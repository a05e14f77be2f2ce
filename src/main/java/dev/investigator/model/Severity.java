package dev.investigator.model;

public enum Severity {
    OK,
    WARN,
    CRIT
}
