package org.safepassage.shared;

/**
 * Text written to and read back from CSV files people open in spreadsheets. A cell that
 * starts like a formula ({@code = + - @}, tab, carriage return) would be run by the
 * spreadsheet, so it is written with a leading apostrophe, which an import removes again.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	public static boolean looksLikeFormula(String value) {
		return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
	}

	/** The cell as written to a file: formula-like text gets a leading apostrophe. */
	public static String protect(String value) {
		return looksLikeFormula(value) ? "'" + value : value;
	}

	/** The text of a cell that {@link #protect} wrote. */
	public static String unprotect(String value) {
		return value != null && value.length() > 1 && value.charAt(0) == '\'' && looksLikeFormula(value.substring(1))
				? value.substring(1) : value;
	}

}
