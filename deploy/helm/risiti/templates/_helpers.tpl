{{/* Name of a service's objects: <release>-<service>. */}}
{{- define "risiti.serviceName" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "risiti.labels" -}}
app.kubernetes.io/part-of: risiti
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels of one service's objects and pods: the common ones and its name. */}}
{{- define "risiti.serviceLabels" -}}
{{ include "risiti.labels" .root }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* Selector labels of one service's pods. */}}
{{- define "risiti.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Kafka bootstrap servers: the Strimzi cluster's when the chart makes one, else the external ones. */}}
{{- define "risiti.kafkaBootstrap" -}}
{{- if .Values.kafka.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" .Values.kafka.strimzi.cluster -}}
{{- else -}}
{{- required "kafka.bootstrapServers is required when kafka.strimzi.enabled is false" .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* PostgreSQL host:port: the CloudNativePG cluster's read-write service when the chart makes one, else the external server. */}}
{{- define "risiti.postgresAddress" -}}
{{- if .Values.postgres.cloudnativepg.enabled -}}
{{- printf "%s-rw:5432" .Values.postgres.cloudnativepg.cluster -}}
{{- else -}}
{{- printf "%s:%v" (required "postgres.host is required when postgres.cloudnativepg.enabled is false" .Values.postgres.host) .Values.postgres.port -}}
{{- end -}}
{{- end -}}

{{/* The public base URL (links in mails and on invoices). */}}
{{- define "risiti.publicUrl" -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- end -}}
