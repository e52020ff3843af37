/* The test platform: a real SCORM 1.2 runtime (scorm-again) that records every call the package
   makes, with its arguments, in window.lmsCalls. Optional ?suspend=... starts a resumed attempt. */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var api = new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  if (params.has("suspend")) {
    api.loadFromJSON({ suspend_data: params.get("suspend"), core: { entry: "resume", lesson_status: "incomplete" } }, "");
  }
  window.lmsCalls = [];
  ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError"].forEach(function (name) {
    var real = api[name].bind(api);
    api[name] = function () {
      var args = Array.prototype.map.call(arguments, String);
      var result = real.apply(null, arguments);
      window.lmsCalls.push({ name: name, args: args, result: String(result) });
      return result;
    };
  });
  window.API = api;
  window.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = params.get("launch");
  });
})();
