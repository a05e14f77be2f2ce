/**
 * The daily-check rotation, pure and clock-driven: who is on duty on a working day ({@link
 * dev.investigator.rotation.RotationSchedule}, with Japanese public holidays from {@link
 * dev.investigator.rotation.JapaneseHolidays}), the run-time changes people make (hand-offs, swaps, replacements),
 * the state of each day's check kept in one JSON file ({@link dev.investigator.rotation.RotationStore}), and the
 * state machine the Slack scheduler ticks ({@link dev.investigator.rotation.DailyCheck}).
 */
package dev.investigator.rotation;
