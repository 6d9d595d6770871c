{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "parallax-cp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name, suffixed with "-control-plane" unless it already contains it
   (release "parallax" -> "parallax-control-plane", release "parallax-control-plane" -> itself). */}}
{{- define "parallax-cp.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default "control-plane" .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "parallax-cp.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "parallax-cp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "parallax-cp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "parallax-cp.labels" -}}
helm.sh/chart: {{ include "parallax-cp.chart" . }}
{{ include "parallax-cp.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: control-plane
app.kubernetes.io/part-of: parallax
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "parallax-cp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "parallax-cp.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "parallax-cp.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The Secret holding DATABASE_URL, JWT_SECRET and the NATS user/password. */}}
{{- define "parallax-cp.secretName" -}}
{{- default (include "parallax-cp.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Fails with a clear message when neither secret source is given (the schema says it too). */}}
{{- define "parallax-cp.validate" -}}
{{- if .Values.nats.tls.enabled }}
{{- range $u := splitList "," .Values.nats.url }}
{{- if not (or (hasPrefix "tls://" (trim $u)) (hasPrefix "wss://" (trim $u))) }}
{{- fail (printf "parallax-control-plane: nats.url %s is not encrypted: jobs carry monitor credentials, so the control plane connects with tls:// (or wss://). Set nats.tls.enabled=false to allow it (a private network only)." (trim $u)) }}
{{- end }}
{{- end }}
{{- end }}
{{- if not .Values.secrets.existingSecret }}
{{- if or (not .Values.secrets.databaseUrl) (not .Values.secrets.jwtSecret) }}
{{- fail "parallax-control-plane: set secrets.existingSecret (a Secret with DATABASE_URL and JWT_SECRET), or both secrets.databaseUrl and secrets.jwtSecret" }}
{{- end }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (not (kindIs "invalid" .Values.podDisruptionBudget.minAvailable)) (not (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable)) }}
{{- fail "parallax-control-plane: set podDisruptionBudget.minAvailable or podDisruptionBudget.maxUnavailable, not both" }}
{{- end }}
{{- end }}
