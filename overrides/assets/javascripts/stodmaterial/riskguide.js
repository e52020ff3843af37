/* Filled in by the riskguide work (see issues). Classic script: ES modules do not run over file://. */
