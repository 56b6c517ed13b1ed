package org.safepassage.petitions.milestones;

import java.util.List;

/**
 * A petition's milestones against its count: which are reached, and the next one (null
 * when all are reached or there are none).
 */
public record Progress(List<Mark> milestones, Mark next, long toNext) {

	public record Mark(int signatures, String description, boolean reached) {
	}

	public static Progress of(List<Milestone> milestones, long signatures) {
		List<Mark> marks = milestones.stream()
			.map(m -> new Mark(m.signatures(), m.description(), signatures >= m.signatures()))
			.toList();
		Mark next = marks.stream().filter(m -> !m.reached()).findFirst().orElse(null);
		return new Progress(marks, next, next == null ? 0 : next.signatures() - signatures);
	}

}
