package dev.investigator.sandbox;

/** A simulated service: its story, and its metric levels before and after the onset. */
record ServiceProfile(String name, Incident incident, Levels before, Levels after) {

    Levels at(boolean afterOnset) {
        return afterOnset ? after : before;
    }
}
