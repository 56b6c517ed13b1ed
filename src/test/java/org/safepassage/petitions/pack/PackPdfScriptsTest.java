package org.safepassage.petitions.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every signer's name prints in the pack's PDF, whatever its script: the text taken back
 * out of the PDF (by PDFBox, and by poppler's pdftotext where it is installed) holds each
 * name of the list.
 * <p>
 * How names are compared: the extracted text and the name are both normalised with NFKC,
 * which maps the Arabic presentation forms a PDF's ToUnicode may give for joined letters
 * back to the letters the signer typed, and whitespace is removed, since an extractor
 * puts its own spaces between glyph runs. A right-to-left name may come out in logical
 * order (PDFBox and pdftotext reorder it) or, from a simpler extractor, in visual order;
 * both are accepted, the visual order being the name with its characters reversed.
 */
class PackPdfScriptsTest {

	static final List<String> NAMES = List.of("مريم حداد", "דוד כהן", "สมชาย ใจดี", "अनीता शर्मा", "김민준", "王秀英", "陳美玲",
			"Zoë O'Brien", "Анна Иванова");

	/**
	 * Names mixing scripts and directions, checked word by word (see the class comment).
	 */
	static final List<String> MIXED = List.of("Fatima Al-Sayed فاطمة", "Sara שרה Levi", "محمد ۱۲۳",
			"लक्ष्मी Lakshmi 王");

	@Test
	void namesInEveryScriptComeBackOutOfThePdf(@TempDir Path dir) throws Exception {
		byte[] pdf = pack(Stream.concat(NAMES.stream(), MIXED.stream()).toList());
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document);
		}
		for (String name : NAMES) {
			assertThat(contains(text, name)).as("PDFBox finds %s in%n%s", name, text).isTrue();
		}
		for (String word : words(MIXED)) {
			assertThat(contains(text, word)).as("PDFBox finds %s in%n%s", word, text).isTrue();
		}
		String poppler = pdftotext(dir, pdf);
		if (poppler != null) {
			for (String name : NAMES) {
				assertThat(contains(poppler, name)).as("pdftotext finds %s in%n%s", name, poppler).isTrue();
			}
			for (String word : words(MIXED)) {
				assertThat(contains(poppler, word)).as("pdftotext finds %s in%n%s", word, poppler).isTrue();
			}
		}
	}

	@Test
	void aLongRightToLeftNameWrapsWithoutLosingALetter() throws Exception {
		String name = "عبد الرحمن بن محمد بن عبد الله بن إبراهيم بن سليمان بن أحمد بن علي بن حسن بن حسين الهاشمي القرشي";
		byte[] pdf = pack(List.of(name));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			String letters = squeeze(text);
			for (String word : name.split(" ")) {
				assertThat(letters.contains(squeeze(word)) || letters.contains(reversed(squeeze(word))))
					.as("%s in %s", word, text)
					.isTrue();
			}
		}
	}

	static byte[] pack(List<String> names) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PackPdf.Cover cover = new PackPdf.Cover("Let them reach safety", List.of("Stop forced returns"), "The minister",
				"1 March 2026 – 31 March 2026", names.size(), Map.of("GB", (long) names.size()),
				Map.of("GB", "United Kingdom"), "ab".repeat(32), "https://example.org/verify", "2026-04-01 10:00");
		PackPdf pdf = new PackPdf(out, cover, (key, args) -> key);
		for (String name : names) {
			pdf.write(new PackRow(name, "GB", LocalDate.of(2026, 3, 2)));
		}
		pdf.finish();
		return out.toByteArray();
	}

	static List<String> words(List<String> names) {
		return names.stream().flatMap(name -> Stream.of(name.split(" "))).toList();
	}

	static boolean contains(String extracted, String name) {
		String text = squeeze(extracted);
		String wanted = squeeze(name);
		return text.contains(wanted) || text.contains(reversed(wanted));
	}

	static String squeeze(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

	static String reversed(String value) {
		return new StringBuilder(value).reverse().toString();
	}

	/**
	 * The text poppler takes out of the PDF, or null where pdftotext is not installed.
	 */
	static String pdftotext(Path dir, byte[] pdf) throws Exception {
		Path file = dir.resolve("pack.pdf");
		Files.write(file, pdf);
		Process process;
		try {
			process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException notInstalled) {
			return null;
		}
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return text;
	}

}
