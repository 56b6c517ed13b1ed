package org.safepassage.letters.importing;

import java.io.Serializable;

/** A bad row: its line in the file (0: the file as a whole), the column and why. */
public record ImportProblem(long line, String column, String message) implements Serializable {
}
