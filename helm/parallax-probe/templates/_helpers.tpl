{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "parallax-probe.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name, suffixed with "-probe" unless it already contains it
   (release "parallax" -> "parallax-probe", release "probe-eu-west" -> itself). */}}
{{- define "parallax-probe.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default "probe" .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "parallax-probe.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "parallax-probe.selectorLabels" -}}
app.kubernetes.io/name: {{ include "parallax-probe.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "parallax-probe.labels" -}}
helm.sh/chart: {{ include "parallax-probe.chart" . }}
{{ include "parallax-probe.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: probe
app.kubernetes.io/part-of: parallax
app.kubernetes.io/managed-by: {{ .Release.Service }}
parallax/region: {{ .Values.region | quote }}
{{- end }}

{{- define "parallax-probe.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "parallax-probe.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "parallax-probe.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The Secret with this region's NATS credentials (user/password or a .creds file). */}}
{{- define "parallax-probe.credentialsSecret" -}}
{{- if .Values.nats.credentials.existingSecret }}
{{- .Values.nats.credentials.existingSecret }}
{{- else if .Values.nats.credentials.user }}
{{- printf "%s-nats" (include "parallax-probe.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* userPassword or creds: how the credentials Secret is used. */}}
{{- define "parallax-probe.credentialsType" -}}
{{- if .Values.nats.credentials.existingSecret }}
{{- .Values.nats.credentials.type }}
{{- else }}
{{- print "userPassword" }}
{{- end }}
{{- end }}

{{/* terminationGracePeriodSeconds: at least ceil(PROBE_SHUTDOWN_TIMEOUT_MS / 1000) + 5. */}}
{{- define "parallax-probe.terminationGracePeriodSeconds" -}}
{{- $min := add (div (add .Values.probe.shutdownTimeoutMs 999) 1000) 5 }}
{{- if .Values.terminationGracePeriodSeconds }}
{{- max $min .Values.terminationGracePeriodSeconds }}
{{- else }}
{{- $min }}
{{- end }}
{{- end }}

{{/* Clear messages for what the schema cannot say (it checks region and nats.url first). */}}
{{- define "parallax-probe.validate" -}}
{{- if .Values.nats.tls.enabled }}
{{- range $u := splitList "," .Values.nats.url }}
{{- if not (or (hasPrefix "tls://" (trim $u)) (hasPrefix "wss://" (trim $u))) }}
{{- fail (printf "parallax-probe: nats.url %s is not encrypted: jobs carry monitor credentials, so probes connect with tls:// (or wss://). Set nats.tls.enabled=false to allow it (a private network only)." (trim $u)) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and .Values.nats.credentials.user (not .Values.nats.credentials.password) }}
{{- fail "parallax-probe: nats.credentials.password is required with nats.credentials.user" }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (not (kindIs "invalid" .Values.podDisruptionBudget.minAvailable)) (not (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable)) }}
{{- fail "parallax-probe: set podDisruptionBudget.minAvailable or podDisruptionBudget.maxUnavailable, not both" }}
{{- end }}
{{- end }}
