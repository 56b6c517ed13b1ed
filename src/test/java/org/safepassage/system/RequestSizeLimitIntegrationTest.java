package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safepassage.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body over the limit gets a clear 413 (the site's page, or a problem detail for the
 * API) and one log line without a stack trace, through the real server.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestSizeLimitIntegrationTest extends IntegrationTest {

	static final int TEN_MB = 10 * 1024 * 1024;

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void aTenMegabyteFormGetsTheFriendlyPageAndOneLogLine(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		HttpResponse<String> response = client.send(post("/petitions/1/signatures", "application/x-www-form-urlencoded",
				HttpRequest.BodyPublishers.ofByteArray(body(TEN_MB))), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(response.body()).contains("What you sent is too large.").contains("SafePassage");
		assertOneLogLine(output, before);
	}

	@Test
	void aChunkedFormWithoutALengthIsCaughtWhenItIsRead(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		HttpResponse<String> response = client.send(
				post("/petitions/1/signatures", "application/x-www-form-urlencoded",
						HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body(1024 * 1024)))),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("What you sent is too large.");
		assertOneLogLine(output, before);
	}

	@Test
	void aLargeMultipartUploadGetsTheSamePage(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		String head = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n";
		byte[] file = body(TEN_MB + 1024 * 1024);
		byte[] whole = concat(head.getBytes(), file, "\r\n--xyz--\r\n".getBytes());
		HttpResponse<String> response = client.send(post("/admin/evidence/import", "multipart/form-data; boundary=xyz",
				HttpRequest.BodyPublishers.ofByteArray(whole)), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("What you sent is too large.");
		assertOneLogLine(output, before);
	}

	@Test
	void theApiAnswersWithAProblemDetail(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		HttpResponse<String> response = client.send(
				post("/api/petitions", "application/json", HttpRequest.BodyPublishers.ofByteArray(body(1024 * 1024))),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(response.body()).contains("\"status\":413").contains("\"title\":\"Content Too Large\"");
		assertOneLogLine(output, before);
	}

	private HttpRequest post(String path, String type, HttpRequest.BodyPublisher body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", type)
			.POST(body)
			.build();
	}

	private static void assertOneLogLine(CapturedOutput output, int before) {
		List<String> lines = output.getAll().substring(before).lines().toList();
		assertThat(lines).filteredOn(line -> line.contains("RequestSizeLimitFilter")).hasSize(1);
		assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.contains("InvalidParameterException")
				|| line.contains("SizeLimitExceeded") || line.contains("Servlet.service()"));
	}

	private static byte[] body(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'a');
		return body;
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
