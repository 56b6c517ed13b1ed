// Passkeys against Spring Security's WebAuthn endpoints, as a file: the Content-Security-Policy
// allows no inline scripts. A button with data-passkey="sign-in" signs in; one with
// data-passkey="register" adds a passkey labelled by the input named in data-label. Both carry the
// CSRF header name and token (data-csrf-header, data-csrf-token) and where to go after (data-done,
// data-failed). Errors are shown in the element named by data-error.
"use strict";
(() => {
  const base64url = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(binary, c => c.charCodeAt(0)).buffer;
    }
  };

  async function post(button, url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", [button.dataset.csrfHeader]: button.dataset.csrfToken },
      body: body ? JSON.stringify(body) : undefined
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  async function signIn(button) {
    const options = await post(button, "/webauthn/authenticate/options");
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: base64url.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map(c => ({ ...c, id: base64url.decode(c.id) }))
      }
    });
    const response = credential.response;
    const result = await post(button, "/login/webauthn", {
      id: credential.id,
      rawId: base64url.encode(credential.rawId),
      response: {
        authenticatorData: base64url.encode(response.authenticatorData),
        clientDataJSON: base64url.encode(response.clientDataJSON),
        signature: base64url.encode(response.signature),
        userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!result.authenticated) {
      throw new Error("not authenticated");
    }
    window.location.href = button.dataset.done || result.redirectUrl;
  }

  async function register(button) {
    const label = document.getElementById(button.dataset.label).value.trim();
    if (!label) {
      throw new Error(button.dataset.labelMissing);
    }
    const options = await post(button, "/webauthn/register/options");
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        user: { ...options.user, id: base64url.decode(options.user.id) },
        challenge: base64url.decode(options.challenge),
        excludeCredentials: (options.excludeCredentials || []).map(c => ({ ...c, id: base64url.decode(c.id) }))
      }
    });
    const response = credential.response;
    const result = await post(button, "/webauthn/register", {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: base64url.encode(credential.rawId),
          response: {
            attestationObject: base64url.encode(response.attestationObject),
            clientDataJSON: base64url.encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        }
      }
    });
    if (!result.success) {
      throw new Error("not registered");
    }
    window.location.href = button.dataset.done;
  }

  function showError(button, message) {
    const error = document.getElementById(button.dataset.error);
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("button[data-passkey]").forEach(button => {
      if (!window.PublicKeyCredential) {
        button.disabled = true;
        showError(button, button.dataset.unsupported);
        return;
      }
      button.addEventListener("click", async () => {
        try {
          await (button.dataset.passkey === "register" ? register(button) : signIn(button));
        } catch (err) {
          console.error(err);
          if (button.dataset.failed) {
            window.location.href = button.dataset.failed;
          } else {
            showError(button, button.dataset.failure + " (" + err.message + ")");
          }
        }
      });
    });
  });
})();
