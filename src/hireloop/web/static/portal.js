// HireLoop candidate portal: device check, timed questions, MediaRecorder, resumable chunked upload.
(function () {
  "use strict";
  const root = document.getElementById("portal");
  if (!root) return;
  const token = root.dataset.token, csrf = root.dataset.csrf;
  const t = JSON.parse(document.getElementById("i18n").innerHTML);
  const answered = new Set((root.dataset.answered || "").split(",").filter(Boolean).map(Number));
  const CHUNK = 512 * 1024;
  let stream = null;

  const api = (method, path, body, headers) => fetch(`/i/${token}${path}`, {
    method, body, credentials: "same-origin",
    headers: Object.assign({ "X-CSRF-Token": csrf }, headers || {}),
  });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  function pickType() {
    const types = ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm", "video/mp4"];
    return types.find((x) => window.MediaRecorder && MediaRecorder.isTypeSupported(x)) || "";
  }

  async function check() {
    const msg = document.getElementById("check-msg"), ok = document.getElementById("check-ok");
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (e) {
      msg.textContent = t.noDevice; msg.className = "error"; return;
    }
    document.getElementById("preview").srcObject = stream;
    const ctx = new (window.AudioContext || window.webkitAudioContext)();
    const an = ctx.createAnalyser(); ctx.createMediaStreamSource(stream).connect(an);
    const buf = new Uint8Array(an.fftSize);
    (function meter() {
      an.getByteTimeDomainData(buf);
      let peak = 0; for (const v of buf) peak = Math.max(peak, Math.abs(v - 128));
      document.getElementById("level").style.width = Math.min(100, peak * 2) + "%";
      requestAnimationFrame(meter);
    })();
    ok.disabled = false;
    ok.onclick = () => { document.getElementById("step-check").hidden = true; show(firstOpen()); };
  }

  const sections = () => Array.from(root.querySelectorAll("section.question"));
  function firstOpen() {
    return sections().find((s) => Number(s.dataset.index) >= 0 ? !answered.has(Number(s.dataset.index)) : !answered.size) || null;
  }
  function show(sec) {
    sections().forEach((s) => (s.hidden = s !== sec));
    if (!sec) { document.getElementById("step-finish").hidden = false; return; }
    runQuestion(sec);
  }

  function countdown(el, seconds, label, signal) {
    return new Promise((resolve) => {
      let left = seconds;
      const tick = () => {
        if (signal.stopped || left <= 0) { el.textContent = ""; return resolve(); }
        el.textContent = `${label} ${left}${t.seconds}`; left -= 1; setTimeout(tick, 1000);
      };
      tick();
    });
  }

  function runQuestion(sec) {
    const idx = Number(sec.dataset.index), think = Number(sec.dataset.think), limit = Number(sec.dataset.answer);
    let retakes = Number(sec.dataset.retakes);
    const [start, stop, retake, next] = ["start", "stop", "retake", "next"].map((c) => sec.querySelector("." + c));
    const timer = sec.querySelector(".timer"), status = sec.querySelector(".status");
    const thinking = { stopped: false };
    countdown(timer, think, t.thinking, thinking).then(() => { if (!thinking.stopped && !start.hidden) start.click(); });

    start.onclick = () => {
      thinking.stopped = true; start.hidden = true; retake.hidden = true; next.hidden = true; stop.hidden = false;
      const type = pickType();
      const rec = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const parts = []; const running = { stopped: false };
      rec.ondataavailable = (e) => e.data.size && parts.push(e.data);
      rec.onstop = async () => {
        running.stopped = true; stop.hidden = true;
        const blob = new Blob(parts, { type: (rec.mimeType || "video/webm").split(";")[0] });
        const ok = await upload(idx, blob, sec, status);
        if (ok) {
          if (idx >= 0) answered.add(idx); else answered.add(-1);
          next.hidden = false; if (retakes > 0) { retake.hidden = false; }
          status.textContent = t.uploaded + (retakes > 0 ? ` · ${t.retakesLeft}: ${retakes}` : "");
        } else { start.hidden = false; }
      };
      rec.start(1000);
      countdown(timer, limit, t.recording, running).then(() => { if (rec.state === "recording") rec.stop(); });
      stop.onclick = () => rec.state === "recording" && rec.stop();
    };
    retake.onclick = () => { retakes -= 1; retake.hidden = true; next.hidden = true; start.hidden = false; status.textContent = ""; };
    next.onclick = () => { const all = sections(); show(all[all.indexOf(sec) + 1] || null); };
  }

  async function upload(idx, blob, sec, status) {
    const bar = sec.querySelector(".bar");
    status.textContent = t.uploading;
    let r = await api("POST", "/uploads", JSON.stringify({ question_index: idx, total_bytes: blob.size, content_type: blob.type }),
      { "Content-Type": "application/json" });
    if (!r.ok) { status.textContent = (await r.json()).error.message; return false; }
    const id = (await r.json()).upload_id;
    let offset = 0, failures = 0;
    while (offset < blob.size) {
      const end = Math.min(offset + CHUNK, blob.size) - 1;
      try {
        r = await api("PUT", `/uploads/${id}`, blob.slice(offset, end + 1),
          { "Content-Range": `bytes ${offset}-${end}/${blob.size}`, "Content-Type": "application/octet-stream" });
        const body = await r.json();
        if (r.ok) { offset = body.received; failures = 0; }
        else if (body.error && body.error.details && "received" in body.error.details) { offset = body.error.details.received; }
        else { status.textContent = body.error.message; return false; }
      } catch (e) {
        // The connection dropped: ask where the server got to, then go on from there.
        failures += 1; status.textContent = t.retry;
        if (failures > 20) { status.textContent = t.failed; return false; }
        await sleep(Math.min(8000, 500 * 2 ** failures));
        try { const s = await api("GET", `/uploads/${id}`); if (s.ok) offset = (await s.json()).received; } catch (e2) { /* still offline */ }
      }
      bar.style.width = Math.round((100 * offset) / blob.size) + "%";
    }
    return true;
  }

  document.getElementById("finish").onclick = async () => {
    const r = await api("POST", "/finish");
    const body = await r.json();
    if (r.ok) window.location = body.next; else document.querySelector("#step-finish .status").textContent = body.error.message;
  };
  check();
})();
