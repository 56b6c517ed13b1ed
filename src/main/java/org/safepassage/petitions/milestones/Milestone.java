package org.safepassage.petitions.milestones;

/** A count of signatures a petition's staff named, and what it means when reached. */
public record Milestone(long id, int signatures, String description) {
}
